package dev.plinth.storage;

/**
 * A range of bytes within a blob, as in an HTTP {@code Range} header.
 *
 * @param offset the first byte, from 0
 * @param length the number of bytes, or {@code -1} for "to the end"
 */
public record ByteRange(long offset, long length) {

  /**
   * Creates a range.
   *
   * @param offset the first byte, from 0
   * @param length the number of bytes, or -1 for "to the end"
   */
  public ByteRange {
    if (offset < 0) {
      throw new IllegalArgumentException("Range offset must be >= 0, was " + offset);
    }
    if (length < -1 || length == 0) {
      throw new IllegalArgumentException("Range length must be positive or -1, was " + length);
    }
  }

  /**
   * A range from an offset to the end.
   *
   * @param offset the first byte
   * @return the range
   */
  public static ByteRange from(long offset) {
    return new ByteRange(offset, -1);
  }

  /**
   * A range of a given length.
   *
   * @param offset the first byte
   * @param length the number of bytes
   * @return the range
   */
  public static ByteRange of(long offset, long length) {
    return new ByteRange(offset, length);
  }

  /**
   * Clips this range to a blob of the given size.
   *
   * @param size the blob size
   * @return a range with an explicit length that ends within the blob
   * @throws IllegalArgumentException if the range starts at or beyond the end of the blob
   */
  public ByteRange resolve(long size) {
    if (offset >= size) {
      throw new IllegalArgumentException(
          "Range starts at byte " + offset + " but the blob has only " + size + " bytes");
    }
    long available = size - offset;
    return new ByteRange(offset, length < 0 ? available : Math.min(length, available));
  }

  /**
   * Returns the last byte included in this range (requires an explicit length).
   *
   * @return the inclusive end offset
   */
  public long lastByte() {
    return offset + length - 1;
  }
}
