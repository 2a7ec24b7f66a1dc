package dev.plinth.local.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobReadStreamTest {
  @TempDir Path dir;

  private final byte[] content = random(100_000);

  @Test
  void read_mixedSmallAndBulkReadsReturnTheBoundedBytesInOrder() throws IOException {
    try (BlobReadStream in = open(10, 50_000)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(in.read());
      byte[] small = new byte[100];
      int n = in.read(small, 0, 100);
      out.write(small, 0, n);
      byte[] bulk = new byte[16_384];
      for (int m; (m = in.read(bulk, 0, bulk.length)) != -1; ) {
        out.write(bulk, 0, m);
        int b = in.read();
        if (b == -1) {
          break;
        }
        out.write(b);
      }

      assertThat(out.toByteArray()).isEqualTo(Arrays.copyOfRange(content, 10, 50_010));
      assertThat(in.read()).isEqualTo(-1);
      assertThat(in.read(bulk, 0, bulk.length)).isEqualTo(-1);
    }
  }

  @Test
  void skip_skipsBufferedAndUnreadBytesWithinTheBound() throws IOException {
    try (BlobReadStream in = open(0, 20_000)) {
      in.read();
      assertThat(in.skip(10_000)).isEqualTo(10_000);
      assertThat(in.read()).isEqualTo(content[10_001] & 0xff);
      assertThat(in.available()).isEqualTo(20_000 - 10_002);
      assertThat(in.skip(1_000_000)).isEqualTo(20_000 - 10_002);
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void read_fileShorterThanTheBoundEndsAtTheFileEnd() throws IOException {
    try (BlobReadStream in = open(99_000, 5_000)) {
      assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, 99_000, 100_000));
    }
  }

  @Test
  void close_closesTheChannel() throws IOException {
    BlobReadStream in = open(0, 10);
    in.close();
    assertThat(lastChannel.isOpen()).isFalse();
  }

  private FileChannel lastChannel;

  private BlobReadStream open(long offset, long length) throws IOException {
    Path file = dir.resolve("data");
    if (!Files.exists(file)) {
      Files.write(file, content);
    }
    lastChannel = FileChannel.open(file, StandardOpenOption.READ);
    lastChannel.position(offset);
    return new BlobReadStream(lastChannel, length);
  }

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(42).nextBytes(bytes);
    return bytes;
  }
}
