package dev.plinth.azure.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobContainerClient;
import dev.plinth.core.Platform;
import dev.plinth.storage.Blob;
import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.BlobStore;
import dev.plinth.storage.ByteRange;
import dev.plinth.storage.PutOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unknown-length upload far larger than the heap left free streams through in blocks. The test
 * fills the heap with ballast until only {@value #HEADROOM_MIB} MiB remain, then uploads {@value
 * #UPLOAD_MIB} MiB: a provider that buffered the stream would fail with OutOfMemoryError; the
 * staged upload needs about block size x max-concurrency (1 MiB here) plus the SDK's pipeline.
 */
class AzureBlobMemoryBoundTest {
  private static final int HEADROOM_MIB = 128;
  private static final int UPLOAD_MIB = 300;
  private static final int MIB = 1024 * 1024;

  @TempDir static Path azuriteHome;
  private static AzuriteBlobPlatform fixture;
  private static Platform platform;

  @BeforeAll
  static void start() {
    fixture =
        AzuriteBlobPlatform.start(
            azuriteHome,
            "memory-bound",
            // Blocks below half a G1 region, so the staged buffers fit in a heap full of ballast
            // without needing contiguous free regions.
            Map.of("plinth.storage.azure-blob.block-size", "256KiB"));
    platform = fixture.platform();
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void put_unknownLengthLargerThanFreeHeap_streamsInBlocks() throws Exception {
    BlobStore store = platform.storage();
    long size = (long) UPLOAD_MIB * MIB;
    List<byte[]> ballast = fillHeapLeaving(HEADROOM_MIB);
    BlobInfo info;
    try {
      assertThat(freeHeapMib()).isLessThan(UPLOAD_MIB);
      info = store.put("memory/large.bin", new PseudoRandomStream(size), PutOptions.none());
    } finally {
      ballast.clear();
    }
    assertThat(info.size()).isEqualTo(size);
    // The content round trip is the contract's job (1 GiB); here the stored size and the digest
    // of the last staged block are enough to show nothing was truncated or reordered.
    assertThat(store.stat("memory/large.bin").size()).isEqualTo(size);
    long tail = 256 * 1024;
    MessageDigest expectedTail = MessageDigest.getInstance("SHA-256");
    try (InputStream generated = new PseudoRandomStream(size)) {
      generated.skipNBytes(size - tail);
      new DigestInputStream(generated, expectedTail).transferTo(OutputStream.nullOutputStream());
    }
    MessageDigest readTail = MessageDigest.getInstance("SHA-256");
    try (Blob blob = store.get("memory/large.bin", ByteRange.from(size - tail))) {
      new DigestInputStream(blob.content(), readTail).transferTo(OutputStream.nullOutputStream());
    }
    assertThat(readTail.digest()).isEqualTo(expectedTail.digest());
  }

  @Test
  void unwrap_givesTheContainerClient() {
    assertThat(platform.storage().unwrap(BlobContainerClient.class).getBlobContainerName())
        .isEqualTo("memory-bound");
  }

  /** Allocates 256 KiB chunks (not humongous for G1) until about {@code headroomMib} are free. */
  private static List<byte[]> fillHeapLeaving(int headroomMib) {
    System.gc();
    List<byte[]> ballast = new ArrayList<>();
    long chunks = Math.max(0, (freeHeapMib() - headroomMib) * 4);
    for (long i = 0; i < chunks; i++) {
      ballast.add(new byte[256 * 1024]);
    }
    return ballast;
  }

  private static long freeHeapMib() {
    Runtime rt = Runtime.getRuntime();
    return (rt.maxMemory() - (rt.totalMemory() - rt.freeMemory())) / MIB;
  }

  /** Deterministic bytes that are never held in memory as a whole. */
  private static final class PseudoRandomStream extends InputStream {
    private final byte[] block = new byte[65_521];
    private final long size;
    private long position;

    PseudoRandomStream(long size) {
      this.size = size;
      new Random(size).nextBytes(block);
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int off, int len) {
      if (position >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - position);
      for (int i = 0; i < n; i++) {
        buffer[off + i] = (byte) (block[(int) (position % block.length)] ^ (position >> 16));
        position++;
      }
      return n;
    }

    @Override
    public long skip(long n) {
      long skipped = Math.max(0, Math.min(n, size - position));
      position += skipped;
      return skipped;
    }

    @Override
    public void close() throws IOException {}
  }
}
