package dev.plinth.server.ratelimit;

import dev.plinth.config.PlinthConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * How many requests a caller may send per fixed window. {@code plinth.server.rate-limit.requests}
 * (default 600) per {@code plinth.server.rate-limit.window} (default {@code 1m}); {@code
 * plinth.server.rate-limit.overrides} gives single subjects their own limit ({@code
 * subject:limit,...}, e.g. a batch client allowed more, or a test user allowed less).
 *
 * @param requests the default limit per window
 * @param window the window length
 * @param overrides limits per subject
 */
public record RateLimitSettings(int requests, Duration window, Map<String, Integer> overrides) {
  /** Key of the default limit. */
  public static final String REQUESTS_KEY = "plinth.server.rate-limit.requests";

  /** Key of the window length. */
  public static final String WINDOW_KEY = "plinth.server.rate-limit.window";

  /** Key of the per-subject limits. */
  public static final String OVERRIDES_KEY = "plinth.server.rate-limit.overrides";

  /**
   * Validates and copies the settings.
   *
   * @param requests the default limit
   * @param window the window
   * @param overrides the per-subject limits
   */
  public RateLimitSettings {
    if (requests < 1) {
      throw PlinthConfig.invalid(REQUESTS_KEY, String.valueOf(requests), "a positive integer");
    }
    if (window.isNegative() || window.toSeconds() < 1) {
      throw PlinthConfig.invalid(WINDOW_KEY, window.toString(), "at least 1s, e.g. 1m");
    }
    overrides = Map.copyOf(overrides);
  }

  /**
   * Reads the settings.
   *
   * @param config looks up a key; empty when unset
   * @return the settings
   */
  public static RateLimitSettings from(Function<String, String> config) {
    String requests = config.apply(REQUESTS_KEY);
    String window = config.apply(WINDOW_KEY);
    return new RateLimitSettings(
        requests == null ? 600 : parseLimit(REQUESTS_KEY, requests),
        window == null ? Duration.ofMinutes(1) : PlinthConfig.parseDuration(WINDOW_KEY, window),
        parseOverrides(config.apply(OVERRIDES_KEY)));
  }

  /**
   * Returns the limit of a caller.
   *
   * @param subject the authenticated subject, or null for an anonymous caller
   * @return the requests allowed per window
   */
  public int limitFor(String subject) {
    return subject == null ? requests : overrides.getOrDefault(subject, requests);
  }

  private static Map<String, Integer> parseOverrides(String text) {
    Map<String, Integer> result = new HashMap<>();
    if (text == null || text.isBlank()) {
      return result;
    }
    for (String entry : text.split(",")) {
      int colon = entry.lastIndexOf(':');
      if (colon <= 0) {
        throw PlinthConfig.invalid(OVERRIDES_KEY, text, "subject:limit pairs, e.g. batch:5000");
      }
      result.put(
          entry.substring(0, colon).trim(), parseLimit(OVERRIDES_KEY, entry.substring(colon + 1)));
    }
    return result;
  }

  private static int parseLimit(String key, String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw PlinthConfig.invalid(key, text, "a positive integer");
    }
  }
}
