package dev.plinth.core.queue;

import java.time.Instant;

/**
 * Formats instants exactly as {@link Instant#toString()} does (ISO-8601, UTC, fraction in groups of
 * three digits as needed) but reuses the date and time text while the second does not change: every
 * sent message is stamped with the time, and {@code Instant.toString} builds a {@code
 * LocalDateTime} and runs a formatter per call.
 */
final class InstantText {
  private static final char[] DIGITS = "0123456789".toCharArray();

  private volatile Second last = new Second(Long.MIN_VALUE, "");

  /**
   * Returns the text of an instant.
   *
   * @param instant the instant
   * @return the same text as {@code instant.toString()}
   */
  String format(Instant instant) {
    long epochSecond = instant.getEpochSecond();
    Second second = last;
    if (second.epochSecond != epochSecond) {
      String text = Instant.ofEpochSecond(epochSecond).toString();
      second = new Second(epochSecond, text.substring(0, text.length() - 1)); // without 'Z'
      last = second;
    }
    int nano = instant.getNano();
    if (nano == 0) {
      return second.text + 'Z';
    }
    int digits;
    int value;
    if (nano % 1_000_000 == 0) {
      digits = 3;
      value = nano / 1_000_000;
    } else if (nano % 1_000 == 0) {
      digits = 6;
      value = nano / 1_000;
    } else {
      digits = 9;
      value = nano;
    }
    char[] fraction = new char[digits + 2];
    fraction[0] = '.';
    for (int i = digits; i >= 1; i--) {
      fraction[i] = DIGITS[value % 10];
      value /= 10;
    }
    fraction[digits + 1] = 'Z';
    return second.text.concat(new String(fraction));
  }

  /** The text of one second, without the fraction and the zone. */
  private record Second(long epochSecond, String text) {}
}
