package dev.plinth.local.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The content stream of a get: at most {@code length} bytes of an open data file, from its current
 * position. Bulk reads (the usual {@code read(byte[])} with a buffer of a few KiB or more) go
 * straight from the channel into the caller's array, so a get allocates no copy buffer and copies
 * nothing twice; only small reads (single bytes, short arrays) go through a buffer, allocated on
 * the first such read and no larger than what is left. Closing closes the channel.
 */
final class BlobReadStream extends InputStream {
  /** Reads at least this long bypass the buffer. */
  private static final int DIRECT_READ = 4096;

  private static final int BUFFER_SIZE = 8192;

  private final FileChannel channel;
  private long remaining; // bytes of the object not yet read from the channel
  private ByteBuffer buffer; // small-read buffer, in read mode; null until needed
  private ByteBuffer wrapped; // the caller's last array, wrapped once
  private byte[] wrappedArray;

  BlobReadStream(FileChannel channel, long length) {
    this.channel = channel;
    this.remaining = length;
  }

  @Override
  public int read() throws IOException {
    if (!fill()) {
      return -1;
    }
    return buffer.get() & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    if (buffer != null && buffer.hasRemaining()) {
      int n = Math.min(len, buffer.remaining());
      buffer.get(b, off, n);
      return n;
    }
    if (len < DIRECT_READ) {
      if (!fill()) {
        return -1;
      }
      int n = Math.min(len, buffer.remaining());
      buffer.get(b, off, n);
      return n;
    }
    if (remaining <= 0) {
      return -1;
    }
    if (b != wrappedArray) {
      wrapped = ByteBuffer.wrap(b);
      wrappedArray = b;
    }
    wrapped.limit(off + (int) Math.min(len, remaining)).position(off);
    int n = channel.read(wrapped);
    if (n > 0) {
      remaining -= n;
    } else if (n < 0) {
      remaining = 0; // the file is shorter than its sidecar says (only after a crash): stop
    }
    return n;
  }

  /** Refills the small-read buffer when it is empty; false at the end of the object. */
  private boolean fill() throws IOException {
    if (buffer != null && buffer.hasRemaining()) {
      return true;
    }
    while (remaining > 0) {
      if (buffer == null) {
        buffer = ByteBuffer.allocate((int) Math.min(BUFFER_SIZE, remaining));
      }
      buffer.clear().limit((int) Math.min(buffer.capacity(), remaining));
      int n = channel.read(buffer);
      buffer.flip();
      if (n < 0) {
        remaining = 0;
        return false;
      }
      remaining -= n;
      if (n > 0) {
        return true;
      }
    }
    return false;
  }

  @Override
  public long skip(long n) throws IOException {
    if (n <= 0) {
      return 0;
    }
    long skipped = 0;
    if (buffer != null && buffer.hasRemaining()) {
      int fromBuffer = (int) Math.min(n, buffer.remaining());
      buffer.position(buffer.position() + fromBuffer);
      skipped = fromBuffer;
    }
    long fromChannel = Math.min(n - skipped, remaining);
    if (fromChannel > 0) {
      channel.position(channel.position() + fromChannel); // skipped bytes are never read
      remaining -= fromChannel;
      skipped += fromChannel;
    }
    return skipped;
  }

  @Override
  public int available() {
    long buffered = buffer == null ? 0 : buffer.remaining();
    return (int) Math.min(Integer.MAX_VALUE, buffered + remaining);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
