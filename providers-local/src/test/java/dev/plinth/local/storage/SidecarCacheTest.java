package dev.plinth.local.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.PutOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SidecarCacheTest {
  @TempDir static Path root;
  private static FileSystemBlobStoreDriver driver;

  @BeforeAll
  static void start() throws IOException {
    driver = new FileSystemBlobStoreDriver(root, null, "/blobs");
  }

  @Test
  void put_rapidOverwritesGiveEverySidecarVersionADistinctStamp() throws IOException {
    String key = "stamps/" + UUID.randomUUID();
    Path sidecar = root.toRealPath().resolve(".plinth/meta/" + key + ".properties");
    Set<SidecarCache.Stamp> seen = new HashSet<>();
    FileTime previous = null;
    for (int i = 0; i < 50; i++) {
      driver.put(key, new ByteArrayInputStream(new byte[] {(byte) i}), 1, PutOptions.none());
      SidecarCache.Stamp stamp = SidecarCache.stamp(sidecar);
      assertThat(seen.add(stamp)).as("stamp of version %d is new", i).isTrue();
      if (previous != null) {
        assertThat(stamp.lastModified()).isGreaterThan(previous);
      }
      previous = stamp.lastModified();
    }
  }

  @Test
  void get_returnsCachedSidecarOnlyForTheSameStamp() throws IOException {
    SidecarCache cache = SidecarCache.forDirectory(root);
    Path file = Files.writeString(root.resolve("cached-" + UUID.randomUUID()), "x");
    SidecarCache.Stamp stamp = SidecarCache.stamp(file);
    Sidecar sidecar =
        new Sidecar("v1", "d1", new BlobInfo("k", 1, "e", "text/plain", Instant.EPOCH, Map.of()));
    cache.put(file, stamp, sidecar);

    SidecarCache.Stamp other =
        new SidecarCache.Stamp(stamp.fileKey(), FileTime.from(Instant.now()), stamp.size());

    assertThat(cache.get(file, stamp)).isSameAs(sidecar);
    assertThat(cache.get(file, other)).isNull();
    cache.invalidate(file);
    assertThat(cache.get(file, stamp)).isNull();
  }

  @Test
  void get_afterSidecarReplacedByAnotherProcessSeesNewInfo() throws IOException {
    String key = "foreign/" + UUID.randomUUID();
    driver.put(key, new ByteArrayInputStream(new byte[] {1}), 1, PutOptions.none());
    assertThat(driver.stat(key).contentType()).isEqualTo("application/octet-stream");
    // Another driver on the same root has its own cache: its write must be seen here.
    FileSystemBlobStoreDriver other = new FileSystemBlobStoreDriver(root, null, "/blobs");
    other.put(
        key,
        new ByteArrayInputStream(new byte[] {2}),
        1,
        PutOptions.none().contentType("text/plain"));

    assertThat(driver.stat(key).contentType()).isEqualTo("text/plain");
  }
}
