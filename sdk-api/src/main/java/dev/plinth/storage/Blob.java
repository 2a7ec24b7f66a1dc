package dev.plinth.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * An open blob: its info and a stream over its content (or the requested range), of the same
 * version. Close it to release the underlying connection or file handle.
 */
public final class Blob implements AutoCloseable {
  private final BlobInfo info;
  private final InputStream content;
  private final ByteRange range;

  /**
   * Creates an open blob.
   *
   * @param info the info of the version being read
   * @param content the content stream (of the whole blob or of {@code range})
   * @param range the range being read, or null for the whole blob
   */
  public Blob(BlobInfo info, InputStream content, ByteRange range) {
    this.info = info;
    this.content = content;
    this.range = range;
  }

  /**
   * Returns the info of the version being read.
   *
   * @return the info; {@link BlobInfo#size()} is the whole blob's size
   */
  public BlobInfo info() {
    return info;
  }

  /**
   * Returns the content stream. Read it once.
   *
   * @return the stream
   */
  public InputStream content() {
    return content;
  }

  /**
   * Returns the range being read, resolved against the blob's size.
   *
   * @return the range, or null when the whole blob is read
   */
  public ByteRange range() {
    return range;
  }

  /**
   * Reads the whole content into memory. Meant for small blobs and tests.
   *
   * @return the bytes
   */
  public byte[] readAllBytes() {
    try (InputStream in = content) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read blob '" + info.key() + "'", e);
    }
  }

  @Override
  public void close() {
    try {
      content.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
