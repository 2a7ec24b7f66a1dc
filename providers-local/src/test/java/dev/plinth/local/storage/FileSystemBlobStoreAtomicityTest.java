package dev.plinth.local.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.plinth.storage.Blob;
import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.PutOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreAtomicityTest {
  @TempDir static Path root;
  private static FileSystemBlobStoreDriver driver;

  @BeforeAll
  static void start() throws IOException {
    driver = new FileSystemBlobStoreDriver(root, null, "/blobs");
  }

  @Test
  void put_streamFailingMidwayKeepsOldBlobAndLeavesNoTempFiles() throws IOException {
    String key = "torn/" + UUID.randomUUID();
    BlobInfo old =
        driver.put(key, new ByteArrayInputStream(filled(100, 1)), 100, PutOptions.none());
    InputStream failing = new FailingStream(256 * 1024);

    assertThatThrownBy(() -> driver.put(key, failing, -1, PutOptions.none()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("disconnected");

    assertThat(driver.stat(key)).isEqualTo(old);
    try (Blob blob = driver.get(key, null)) {
      assertThat(blob.readAllBytes()).isEqualTo(filled(100, 1));
    }
    assertThat(tempFiles()).isEmpty();
  }

  @Test
  void get_duringConcurrentOverwritesAlwaysSeesContentMatchingItsEtag() throws Exception {
    String key = "race/" + UUID.randomUUID();
    List<byte[]> versions = List.of(filled(70_000, 1), filled(30_000, 2), filled(50_000, 3));
    driver.put(key, new ByteArrayInputStream(versions.get(0)), -1, PutOptions.none());
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger writes = new AtomicInteger();
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              while (!stop.get()) {
                byte[] next = versions.get(writes.incrementAndGet() % versions.size());
                putQuietly(key, next);
              }
            });
    ConcurrentLinkedQueue<String> inconsistencies = new ConcurrentLinkedQueue<>();
    AtomicInteger versionChangesSeen = new AtomicInteger();
    String[] lastEtag = {""};
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ZERO)
          .until(
              () -> {
                readOnce(key, inconsistencies, versionChangesSeen, lastEtag);
                return versionChangesSeen.get() >= 150 || !inconsistencies.isEmpty();
              });
    } finally {
      stop.set(true);
      writer.get();
    }
    assertThat(inconsistencies).isEmpty();
    // The first etag seen is the initial version; every further change is an overwrite observed
    // mid-race, so the reads really did overlap at least 149 writes.
    assertThat(versionChangesSeen.get()).isGreaterThanOrEqualTo(150);
    assertThat(writes.get()).isGreaterThanOrEqualTo(versionChangesSeen.get() - 1);
  }

  private static void readOnce(
      String key, ConcurrentLinkedQueue<String> bad, AtomicInteger changes, String[] lastEtag)
      throws IOException {
    try (Blob blob = driver.get(key, null)) {
      byte[] bytes = blob.readAllBytes();
      String digest = HexFormat.of().formatHex(sha256(bytes));
      if (!digest.equals(blob.info().etag()) || bytes.length != blob.info().size()) {
        bad.add("etag " + blob.info().etag() + " but content " + digest);
      }
      if (!blob.info().etag().equals(lastEtag[0])) {
        changes.incrementAndGet();
        lastEtag[0] = blob.info().etag();
      }
    }
  }

  private static void putQuietly(String key, byte[] content) {
    try {
      driver.put(key, new ByteArrayInputStream(content), content.length, PutOptions.none());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Path> tempFiles() throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> BlobLayout.isTempName(f.getFileName().toString()))
          .collect(Collectors.toList());
    }
  }

  private static byte[] filled(int size, int value) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  private static byte[] sha256(byte[] bytes) {
    MessageDigest digest = DurableFiles.sha256();
    return digest.digest(bytes);
  }

  /** Yields some bytes, then fails like a dropped client connection. */
  private static final class FailingStream extends InputStream {
    private long remaining;

    FailingStream(long bytesBeforeFailure) {
      this.remaining = bytesBeforeFailure;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining <= 0) {
        throw new IOException("client disconnected");
      }
      int n = (int) Math.min(len, remaining);
      Arrays.fill(b, off, off + n, (byte) 7);
      remaining -= n;
      return n;
    }
  }
}
