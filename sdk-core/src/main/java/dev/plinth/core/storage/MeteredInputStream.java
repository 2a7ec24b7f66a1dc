package dev.plinth.core.storage;

import dev.plinth.telemetry.Counter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes a caller reads from a downloaded blob and adds them to the byte counter once,
 * when the stream is closed, so the metric reflects what was actually transferred.
 */
final class MeteredInputStream extends FilterInputStream {
  private final Counter bytesOut;
  private long count;
  private boolean closed;

  /**
   * Wraps a driver's content stream.
   *
   * @param content the stream to read
   * @param bytesOut the counter to add the read bytes to on close
   */
  MeteredInputStream(InputStream content, Counter bytesOut) {
    super(content);
    this.bytesOut = bytesOut;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n > 0) {
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    return in.skip(n);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      super.close();
    } finally {
      bytesOut.increment(count);
    }
  }
}
