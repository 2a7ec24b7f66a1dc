package dev.plinth.local.telemetry;

import java.util.concurrent.ThreadLocalRandom;

/** Random W3C trace and span ids, and parsing of {@code traceparent}. */
final class TraceIds {
  private TraceIds() {}

  static String newTraceId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return hex(r.nextLong() | 1L, 16) + hex(r.nextLong(), 16);
  }

  static String newSpanId() {
    return hex(ThreadLocalRandom.current().nextLong() | 1L, 16);
  }

  private static String hex(long value, int digits) {
    String s = Long.toHexString(value);
    return "0".repeat(digits - s.length()) + s;
  }

  /**
   * Parses a W3C traceparent.
   *
   * @param traceparent {@code 00-<32 hex>-<16 hex>-<2 hex>}, or null
   * @return {trace id, parent span id}, or null if absent or malformed
   */
  static String[] parse(String traceparent) {
    if (traceparent == null) {
      return null;
    }
    String[] parts = traceparent.trim().split("-");
    if (parts.length != 4
        || parts[1].length() != 32
        || parts[2].length() != 16
        || !parts[1].matches("[0-9a-f]+")
        || !parts[2].matches("[0-9a-f]+")
        || parts[1].matches("0+")) {
      return null;
    }
    return new String[] {parts[1], parts[2]};
  }
}
