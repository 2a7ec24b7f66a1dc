package dev.plinth.server.files;

import dev.plinth.storage.ByteRange;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses an HTTP {@code Range} header (RFC 9110 §14) against a blob's size. Only single byte ranges
 * are honoured ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}); anything else (other units,
 * several ranges, bad syntax) is ignored and the whole blob is served, which the RFC allows.
 */
final class RangeHeader {
  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,19})-(\\d{0,19})");

  /** What to do with a request. */
  enum Kind {
    /** No usable range: answer 200 with the whole blob. */
    WHOLE,
    /** Answer 206 with {@link Result#range()}. */
    PARTIAL,
    /** Answer 416: the range lies outside the blob. */
    UNSATISFIABLE
  }

  /**
   * The outcome of parsing.
   *
   * @param kind what to answer
   * @param range the resolved range (explicit offset and length) when {@code kind} is PARTIAL
   */
  record Result(Kind kind, ByteRange range) {
    static final Result WHOLE = new Result(Kind.WHOLE, null);
    static final Result UNSATISFIABLE = new Result(Kind.UNSATISFIABLE, null);
  }

  private RangeHeader() {}

  /**
   * Parses a header.
   *
   * @param header the {@code Range} header, or null
   * @param size the blob's size in bytes
   * @return the outcome
   */
  static Result parse(String header, long size) {
    if (header == null) {
      return Result.WHOLE;
    }
    Matcher m = SINGLE.matcher(header.strip());
    if (!m.matches()) {
      return Result.WHOLE;
    }
    String first = m.group(1);
    String last = m.group(2);
    try {
      if (first.isEmpty()) {
        return last.isEmpty() ? Result.WHOLE : suffix(Long.parseLong(last), size);
      }
      long start = Long.parseLong(first);
      if (last.isEmpty()) {
        return from(start, Long.MAX_VALUE, size);
      }
      long end = Long.parseLong(last);
      return end < start ? Result.WHOLE : from(start, end, size);
    } catch (NumberFormatException e) {
      return Result.WHOLE; // beyond a long: not a range any blob can satisfy, treat as noise
    }
  }

  /**
   * The {@code Content-Range} value of a partial answer.
   *
   * @param range the resolved range
   * @param size the blob's size
   * @return e.g. {@code bytes 0-99/1000}
   */
  static String contentRange(ByteRange range, long size) {
    return "bytes " + range.offset() + "-" + range.lastByte() + "/" + size;
  }

  /**
   * The {@code Content-Range} value of a 416 answer.
   *
   * @param size the blob's size
   * @return e.g. {@code bytes *}{@code /1000}
   */
  static String unsatisfied(long size) {
    return "bytes */" + size;
  }

  private static Result suffix(long count, long size) {
    if (count == 0 || size == 0) {
      return Result.UNSATISFIABLE;
    }
    long length = Math.min(count, size);
    return new Result(Kind.PARTIAL, ByteRange.of(size - length, length));
  }

  private static Result from(long start, long end, long size) {
    if (start >= size) {
      return Result.UNSATISFIABLE;
    }
    long last = Math.min(end, size - 1);
    return new Result(Kind.PARTIAL, ByteRange.of(start, last - start + 1));
  }
}
