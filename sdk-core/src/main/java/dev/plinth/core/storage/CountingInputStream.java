package dev.plinth.core.storage;

import dev.plinth.error.PayloadTooLargeException;
import dev.plinth.error.PlinthException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Wraps the caller's upload stream on its way to a driver: counts bytes, stops at the provider's
 * size limit and checks the declared length, so every provider rejects the same uploads in the same
 * way. It remembers the first failure it raised, so the portable store reports that failure even if
 * a driver wraps it. Closing it does not close the caller's stream ({@code put} never does).
 */
final class CountingInputStream extends InputStream {
  private final String key;
  private final InputStream source;
  private final long declaredLength;
  private final long maxBytes;
  private final byte[] single = new byte[1];
  private long count;
  private RuntimeException failure;

  /**
   * Creates the wrapper.
   *
   * @param key the key being written, for messages
   * @param source the caller's stream
   * @param declaredLength the announced length, or -1
   * @param maxBytes the provider's limit ({@link Long#MAX_VALUE} for none)
   */
  CountingInputStream(String key, InputStream source, long declaredLength, long maxBytes) {
    this.key = key;
    this.source = Objects.requireNonNull(source, "content");
    this.declaredLength = declaredLength;
    this.maxBytes = maxBytes;
  }

  @Override
  public int read() throws IOException {
    int n = read(single, 0, 1);
    return n < 0 ? -1 : single[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (failure != null) {
      throw failure;
    }
    int n;
    try {
      n = source.read(buffer, offset, length);
    } catch (IOException | RuntimeException e) {
      throw fail(
          new PlinthException(
              "Reading the content for '"
                  + BlobKeys.describe(key)
                  + "' failed after "
                  + count
                  + " bytes: "
                  + e
                  + ". Nothing was stored; retry with a fresh stream.",
              e));
    }
    if (n < 0) {
      if (declaredLength >= 0 && count != declaredLength) {
        throw fail(lengthMismatch());
      }
      return n;
    }
    count += n;
    if (count > maxBytes) {
      throw fail(
          new PayloadTooLargeException(
              "Blob '"
                  + BlobKeys.describe(key)
                  + "' exceeds the provider's limit of "
                  + maxBytes
                  + " bytes (storage.max-blob-bytes); nothing was stored."));
    }
    if (declaredLength >= 0 && count > declaredLength) {
      throw fail(lengthMismatch());
    }
    return n;
  }

  @Override
  public int available() throws IOException {
    return source.available();
  }

  /** Leaves the caller's stream open: {@code BlobStore.put} reads it but never closes it. */
  @Override
  public void close() {}

  /**
   * Returns the bytes read so far.
   *
   * @return the count
   */
  long count() {
    return count;
  }

  /**
   * Returns the failure this stream raised, if any.
   *
   * @return the failure, or null
   */
  RuntimeException failure() {
    return failure;
  }

  private PlinthException lengthMismatch() {
    return new PlinthException(
        "Content for '"
            + BlobKeys.describe(key)
            + "' was declared as "
            + declaredLength
            + " bytes but the stream "
            + (count > declaredLength ? "has more" : "ended after " + count)
            + "; nothing was stored. Pass the exact length, or -1 if unknown.");
  }

  private RuntimeException fail(RuntimeException e) {
    failure = e;
    return e;
  }
}
