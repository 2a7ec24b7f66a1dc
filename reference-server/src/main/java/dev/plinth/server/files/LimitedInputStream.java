package dev.plinth.server.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes through at most {@code limit} bytes of a request body; reading byte {@code limit + 1}
 * throws {@link TooLargeException}. It never reads further than that one extra byte, so an
 * oversized chunked upload is cut off early, and the exception makes the blob store's write fail
 * (which guarantees that nothing is stored).
 */
final class LimitedInputStream extends FilterInputStream {
  private final long limit;
  private long count;
  private boolean exceeded;

  /** Thrown when the body has more bytes than the limit. */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(long limit) {
      super("The upload exceeds the limit of " + limit + " bytes");
    }
  }

  /**
   * Wraps a stream.
   *
   * @param in the request body
   * @param limit the most bytes allowed
   */
  LimitedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  /**
   * Tells whether the limit was passed (even if a reader swallowed the exception).
   *
   * @return true once byte {@code limit + 1} was read
   */
  boolean exceeded() {
    return exceeded;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (exceeded) {
      throw new TooLargeException(limit);
    }
    if (length == 0) {
      return 0;
    }
    // One byte past the limit is enough to know; never read more than that.
    long allowed = limit + 1 - count;
    int n = in.read(buffer, offset, (int) Math.min(length, allowed));
    if (n > 0) {
      count += n;
      if (count > limit) {
        exceeded = true;
        throw new TooLargeException(limit);
      }
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] sink = new byte[(int) Math.min(8192, Math.max(1, n))];
    long skipped = 0;
    while (skipped < n) {
      int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int readlimit) {
    // not supported
  }

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }
}
