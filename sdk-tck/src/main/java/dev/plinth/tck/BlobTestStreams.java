package dev.plinth.tck;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;

/**
 * Streams the blob contract uses: generated payloads of any size that are never held in memory,
 * streams that fail midway, and SHA-256 helpers.
 */
final class BlobTestStreams {
  private BlobTestStreams() {}

  /**
   * Returns a deterministic, non-periodic stream of {@code size} bytes that feeds {@code digest} as
   * it is read.
   *
   * @param size the number of bytes
   * @param digest updated with every byte served
   * @return the stream
   */
  static InputStream generated(long size, MessageDigest digest) {
    return new DigestInputStream(new GeneratedInputStream(size), digest);
  }

  /**
   * Returns a stream that serves {@code before} bytes and then throws an {@link IOException}.
   *
   * @param before the number of bytes served before the failure
   * @return the stream
   */
  static InputStream failingAfter(long before) {
    return new InputStream() {
      private long served;

      @Override
      public int read() throws IOException {
        if (served >= before) {
          throw new IOException("TCK: simulated client failure after " + before + " bytes");
        }
        served++;
        return 'x';
      }
    };
  }

  /**
   * Reads a stream to its end and returns its SHA-256.
   *
   * @param in the stream (closed afterwards)
   * @return the digest
   */
  static byte[] sha256Of(InputStream in) {
    MessageDigest digest = sha256();
    try (InputStream digesting = new DigestInputStream(in, digest)) {
      digesting.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return digest.digest();
  }

  /**
   * Returns a new SHA-256 digest.
   *
   * @return the digest
   */
  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Pseudo-random bytes: a prime-sized random block, varied by the block number. */
  private static final class GeneratedInputStream extends InputStream {
    private static final int BLOCK = 65_521;
    private final byte[] block = new byte[BLOCK];
    private final long size;
    private long position;

    GeneratedInputStream(long size) {
      this.size = size;
      new Random(size).nextBytes(block);
    }

    @Override
    public int read() {
      if (position >= size) {
        return -1;
      }
      return next() & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (position >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - position);
      for (int i = 0; i < n; i++) {
        buffer[off + i] = next();
      }
      return n;
    }

    private byte next() {
      byte b = (byte) (block[(int) (position % BLOCK)] ^ (position / BLOCK));
      position++;
      return b;
    }
  }
}
