package dev.plinth.core.telemetry;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * W3C Trace Context ids for telemetry providers that make their own spans: random trace and span
 * ids, and parsing of a {@code traceparent} header.
 */
public final class TraceIds {
  private static final Pattern TRACEPARENT =
      Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$");
  private static final HexFormat HEX = HexFormat.of();

  /**
   * The remote parent named by a {@code traceparent}.
   *
   * @param traceId the trace id (32 hex characters)
   * @param spanId the parent span id (16 hex characters)
   */
  public record Parent(String traceId, String spanId) {}

  private TraceIds() {}

  /**
   * Returns a new random trace id.
   *
   * @return 32 lower-case hex characters, never all zeros
   */
  public static String newTraceId() {
    return newId(16);
  }

  /**
   * Returns a new random span id.
   *
   * @return 16 lower-case hex characters, never all zeros
   */
  public static String newSpanId() {
    return newId(8);
  }

  /**
   * Parses a {@code traceparent} header.
   *
   * @param traceparent {@code 00-<32 hex>-<16 hex>-<2 hex>}, or null
   * @return the parent, or empty when absent or invalid (W3C: then start a new trace)
   */
  public static Optional<Parent> parse(String traceparent) {
    if (traceparent == null) {
      return Optional.empty();
    }
    Matcher m = TRACEPARENT.matcher(traceparent.trim());
    if (!m.matches() || isZeros(m.group(1)) || isZeros(m.group(2))) {
      return Optional.empty(); // all-zero ids are invalid in W3C Trace Context
    }
    return Optional.of(new Parent(m.group(1), m.group(2)));
  }

  private static String newId(int bytes) {
    byte[] id = new byte[bytes];
    do {
      ThreadLocalRandom.current().nextBytes(id);
    } while (isZeros(HEX.formatHex(id)));
    return HEX.formatHex(id);
  }

  private static boolean isZeros(String hex) {
    return hex.chars().allMatch(c -> c == '0');
  }
}
