package dev.plinth.local.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.storage.Blob;
import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.PutOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreLargeBlobTest {
  private static final long ONE_GIB = 1L << 30;

  @TempDir static Path root;
  private static FileSystemBlobStoreDriver driver;

  @BeforeAll
  static void start() throws IOException {
    driver = new FileSystemBlobStoreDriver(root, null, "/blobs");
  }

  @Test
  void put_oneGibOfUnknownLengthStreamsWithinSmallHeap() throws IOException {
    GeneratedStream source = new GeneratedStream(ONE_GIB);

    BlobInfo info = driver.put("big/one-gib.bin", source, -1, PutOptions.none());

    String expected = HexFormat.of().formatHex(source.digest.digest());
    assertThat(info.size()).isEqualTo(ONE_GIB);
    assertThat(info.etag()).isEqualTo(expected);
    MessageDigest readBack = DurableFiles.sha256();
    long total = 0;
    try (Blob blob = driver.get("big/one-gib.bin", null)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = blob.content().read(buffer)) != -1; ) {
        readBack.update(buffer, 0, n);
        total += n;
      }
    }
    assertThat(total).isEqualTo(ONE_GIB);
    assertThat(HexFormat.of().formatHex(readBack.digest())).isEqualTo(expected);
    assertThat(driver.delete("big/one-gib.bin")).isTrue();
  }

  /** Deterministic pseudo-random bytes generated on the fly and hashed as they are handed out. */
  private static final class GeneratedStream extends InputStream {
    private final MessageDigest digest = DurableFiles.sha256();
    private long remaining;
    private long state = 0x9E3779B97F4A7C15L;

    GeneratedStream(long size) {
      this.remaining = size;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (remaining <= 0) {
        return -1;
      }
      int n = (int) Math.min(Math.min(len, remaining), 48 * 1024 + 7); // odd sizes on purpose
      for (int i = 0; i < n; i++) {
        state ^= state << 13;
        state ^= state >>> 7;
        state ^= state << 17;
        b[off + i] = (byte) state;
      }
      digest.update(b, off, n);
      remaining -= n;
      return n;
    }
  }
}
