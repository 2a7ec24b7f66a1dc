package dev.plinth.local.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.Health;
import dev.plinth.error.InvalidKeyException;
import dev.plinth.error.NotFoundException;
import dev.plinth.error.PreconditionFailedException;
import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.storage.BlobStoreDriver;
import dev.plinth.spi.storage.BlobStoreProvider;
import dev.plinth.storage.Blob;
import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.BlobPage;
import dev.plinth.storage.ByteRange;
import dev.plinth.storage.PutOptions;
import dev.plinth.storage.StorageCapabilities;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.telemetry.Telemetry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreDriverTest {
  @TempDir static Path root;
  private static FileSystemBlobStoreDriver driver;

  @BeforeAll
  static void start() throws IOException {
    driver = new FileSystemBlobStoreDriver(root, null, "/blobs");
  }

  private static String prefix() {
    return "t-" + UUID.randomUUID() + "/";
  }

  private static BlobInfo put(String key, String text, PutOptions options) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return driver.put(key, new ByteArrayInputStream(bytes), bytes.length, options);
  }

  private static String read(String key, ByteRange range) throws IOException {
    try (Blob blob = driver.get(key, range)) {
      return new String(blob.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void put_storesDataAtKeyPathAndReturnsSha256Etag() throws IOException {
    String key = prefix() + "dir/hello.txt";
    BlobInfo info =
        put(key, "hello", PutOptions.none().contentType("text/plain").metadata(Map.of("a", "1")));

    assertThat(Files.readString(root.resolve(key))).isEqualTo("hello");
    assertThat(info.etag())
        .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    assertThat(driver.stat(key)).isEqualTo(info);
    assertThat(info.contentType()).isEqualTo("text/plain");
    assertThat(info.metadata()).containsEntry("a", "1");
    assertThat(read(key, null)).isEqualTo("hello");
  }

  @Test
  void get_rangeReturnsOnlyRequestedBytes() throws IOException {
    String key = prefix() + "range";
    put(key, "0123456789", PutOptions.none());

    assertThat(read(key, ByteRange.of(2, 3))).isEqualTo("234");
    assertThat(read(key, ByteRange.from(7))).isEqualTo("789");
    try (Blob blob = driver.get(key, ByteRange.of(8, 100))) {
      assertThat(blob.range()).isEqualTo(ByteRange.of(8, 2));
      assertThat(blob.info().size()).isEqualTo(10);
    }
    assertThatThrownBy(() -> driver.get(key, ByteRange.from(10)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void get_missingKeyThrowsNotFound() {
    assertThatThrownBy(() -> driver.get(prefix() + "missing", null))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> driver.stat(prefix() + "missing"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void delete_removesDataSidecarAndEmptyParents() throws IOException {
    String p = prefix();
    String key = p + "x/y/z";
    put(key, "v", PutOptions.none());

    assertThat(driver.delete(key)).isTrue();
    assertThat(driver.delete(key)).isFalse();
    assertThat(root.resolve(p.substring(0, p.length() - 1))).doesNotExist();
    assertThat(root.resolve(".plinth/meta/" + key + ".properties")).doesNotExist();
    assertThat(root).isDirectory();
  }

  @Test
  void put_ifNoneMatchRefusesExistingBlob() throws IOException {
    String key = prefix() + "create-only";
    BlobInfo first = put(key, "one", PutOptions.none().ifNoneMatch());

    assertThatThrownBy(() -> put(key, "two", PutOptions.none().ifNoneMatch()))
        .isInstanceOf(PreconditionFailedException.class);
    assertThat(read(key, null)).isEqualTo("one");
    assertThat(driver.stat(key)).isEqualTo(first);
  }

  @Test
  void put_ifMatchWritesOnlyOnCurrentEtag() throws IOException {
    String key = prefix() + "cas";
    BlobInfo first = put(key, "one", PutOptions.none());
    BlobInfo second = put(key, "two", PutOptions.none().ifMatch(first.etag()));

    assertThatThrownBy(() -> put(key, "three", PutOptions.none().ifMatch(first.etag())))
        .isInstanceOf(PreconditionFailedException.class);
    assertThatThrownBy(() -> put(prefix() + "absent", "x", PutOptions.none().ifMatch("abc")))
        .isInstanceOf(PreconditionFailedException.class);
    assertThat(driver.stat(key)).isEqualTo(second);
    assertThat(read(key, null)).isEqualTo("two");
  }

  @Test
  void putBytes_storesWhatTheStreamPutStoresUnderTheSameConditions() throws IOException {
    String key = prefix() + "bytes";
    PutOptions typed = PutOptions.none().contentType("text/plain").metadata(Map.of("k", "v"));
    BlobInfo streamed = put(prefix() + "ref", "one", typed);
    BlobInfo first = driver.put(key, "one".getBytes(StandardCharsets.UTF_8), typed.ifNoneMatch());

    assertThat(first.etag()).isEqualTo(streamed.etag());
    assertThat(first.size()).isEqualTo(3);
    assertThat(driver.stat(key)).isEqualTo(first);
    assertThatThrownBy(() -> driver.put(key, new byte[] {1}, PutOptions.none().ifNoneMatch()))
        .isInstanceOf(PreconditionFailedException.class);
    assertThatThrownBy(() -> driver.put(key, new byte[] {2}, PutOptions.none().ifMatch("stale")))
        .isInstanceOf(PreconditionFailedException.class);
    BlobInfo second =
        driver.put(key, "two".getBytes(StandardCharsets.UTF_8), typed.ifMatch(first.etag()));
    assertThat(read(key, null)).isEqualTo("two");
    assertThat(driver.stat(key)).isEqualTo(second);
  }

  @Test
  void putBytes_keyClashingWithPrefixIsRefused() throws IOException {
    String p = prefix();
    put(p + "a", "file", PutOptions.none());
    put(p + "b/c", "nested", PutOptions.none());

    assertThatThrownBy(() -> driver.put(p + "a/child", new byte[1], PutOptions.none()))
        .isInstanceOf(InvalidKeyException.class);
    assertThatThrownBy(() -> driver.put(p + "b", new byte[1], PutOptions.none()))
        .isInstanceOf(InvalidKeyException.class);
  }

  @Test
  void put_wrongDeclaredLengthFailsAndKeepsOldBlob() throws IOException {
    String key = prefix() + "length";
    put(key, "old", PutOptions.none());

    assertThatThrownBy(
            () -> driver.put(key, new ByteArrayInputStream(new byte[5]), 4, PutOptions.none()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(read(key, null)).isEqualTo("old");
  }

  @Test
  void put_reservedOrTempLookingKeysAreRefused() {
    assertThatThrownBy(() -> put(".plinth/meta/x", "x", PutOptions.none()))
        .isInstanceOf(InvalidKeyException.class);
    assertThatThrownBy(() -> put(".plinth", "x", PutOptions.none()))
        .isInstanceOf(InvalidKeyException.class);
    assertThatThrownBy(() -> put("a/.b." + UUID.randomUUID() + ".tmp", "x", PutOptions.none()))
        .isInstanceOf(InvalidKeyException.class);
    assertThatThrownBy(() -> put("a/../b", "x", PutOptions.none()))
        .isInstanceOf(InvalidKeyException.class);
  }

  @Test
  void put_keyClashingWithPrefixIsRefused() throws IOException {
    String p = prefix();
    put(p + "a", "file", PutOptions.none());
    put(p + "b/c", "nested", PutOptions.none());

    assertThatThrownBy(() -> put(p + "a/child", "x", PutOptions.none()))
        .isInstanceOf(InvalidKeyException.class);
    assertThatThrownBy(() -> put(p + "b", "x", PutOptions.none()))
        .isInstanceOf(InvalidKeyException.class);
    assertThatThrownBy(() -> driver.stat(p + "b")).isInstanceOf(NotFoundException.class);
    assertThat(read(p + "a", null)).isEqualTo("file");
  }

  @Test
  void list_sortsByFullKeyAndHidesReservedAndTempFiles() throws IOException {
    String p = prefix();
    for (String k : new String[] {"a/b", "a-c", "a0", "z", "a/a/a"}) {
      put(p + k, k, PutOptions.none());
    }
    Files.writeString(root.resolve(p + ".z." + UUID.randomUUID() + ".tmp"), "in flight");

    BlobPage page = driver.list(p, 100, null);

    assertThat(page.items())
        .extracting(BlobInfo::key)
        .containsExactly(p + "a-c", p + "a/a/a", p + "a/b", p + "a0", p + "z");
    assertThat(page.continuationToken()).isNull();
    assertThat(driver.list(p + "a/", 100, null).items())
        .extracting(BlobInfo::key)
        .containsExactly(p + "a/a/a", p + "a/b");
    assertThat(driver.list("", 5000, null).items())
        .extracting(BlobInfo::key)
        .noneMatch(k -> k.startsWith(".plinth"));
  }

  @Test
  void copy_copiesContentTypeAndMetadata() throws IOException {
    String p = prefix();
    BlobInfo source =
        put(
            p + "src",
            "payload",
            PutOptions.none().contentType("text/x").metadata(Map.of("k", "v")));

    BlobInfo target = driver.copy(p + "src", p + "dst");

    assertThat(target.etag()).isEqualTo(source.etag());
    assertThat(target.contentType()).isEqualTo("text/x");
    assertThat(target.metadata()).isEqualTo(Map.of("k", "v"));
    assertThat(read(p + "dst", null)).isEqualTo("payload");
    assertThatThrownBy(() -> driver.copy(p + "nope", p + "dst2"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void stat_repairsSidecarLeftBehindByCrashBetweenRenames() throws IOException {
    String key = prefix() + "crash";
    put(key, "old", PutOptions.none().contentType("text/plain"));
    // Simulate a crash after the data rename but before the sidecar rename.
    Path data = root.resolve(key);
    Path temp = data.resolveSibling("replacement");
    Files.writeString(temp, "new");
    Files.move(temp, data, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    BlobInfo info = driver.stat(key);

    assertThat(info.size()).isEqualTo(3);
    assertThat(info.contentType()).isEqualTo("text/plain");
    assertThat(info.etag()).isEqualTo(put(prefix() + "ref", "new", PutOptions.none()).etag());
    assertThat(read(key, null)).isEqualTo("new");
  }

  @Test
  void health_reportsUpWithFreeSpace() {
    Health health = driver.health();

    assertThat(health.state()).isEqualTo(Health.State.UP);
    assertThat(health.data()).containsKey("freeBytes");
  }

  @Test
  void capabilities_declareConditionalWritesPresignAndRanges() {
    assertThat(driver.capabilities().features())
        .containsExactlyInAnyOrder(
            StorageCapabilities.CONDITIONAL_WRITES,
            StorageCapabilities.PRESIGN,
            StorageCapabilities.RANGE_READS);
    assertThat(driver.capabilities().limits()).isEmpty();
  }

  @Test
  void provider_isDiscoveredAndReadsRootSetting() throws IOException {
    BlobStoreProvider provider =
        ServiceLoader.load(BlobStoreProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p.name().equals("filesystem"))
            .findFirst()
            .orElseThrow();
    Path other = root.resolve("other-root-" + UUID.randomUUID());
    Map<String, String> settings = Map.of(FileSystemBlobStoreProvider.ROOT_KEY, other.toString());

    try (BlobStoreDriver created =
        provider.create(
            new ProviderContext("storage", new MapPlinthConfig(settings), Telemetry.noop()))) {
      created.put("k", new ByteArrayInputStream(new byte[] {1}), 1, PutOptions.none());
    }

    assertThat(other.resolve("k")).exists();
    try (Stream<Path> files = Files.list(other.resolve(".plinth"))) {
      Set<String> names = files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
      assertThat(names).contains("meta", "locks", "presign.key");
    }
  }
}
