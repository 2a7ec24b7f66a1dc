package dev.plinth.server.cors;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The CORS allow-list ({@code plinth.server.cors.allowed-origins}, a comma list of exact origins
 * such as {@code https://app.example.com}) and the headers the API answers preflights with.
 */
public final class CorsPolicy {
  /** Key of the allowed origins. */
  public static final String ALLOWED_ORIGINS_KEY = "plinth.server.cors.allowed-origins";

  /** Methods a browser may use cross-origin. */
  static final String ALLOWED_METHODS = "GET, POST, PUT, DELETE, OPTIONS";

  /** Request headers a browser may send cross-origin. */
  static final String ALLOWED_HEADERS =
      "Authorization, Content-Type, If-Match, If-None-Match, Range, Idempotency-Key,"
          + " X-Correlation-ID";

  /** Response headers scripts may read. */
  static final String EXPOSED_HEADERS =
      "ETag, Location, X-Correlation-ID, Retry-After, RateLimit-Limit, RateLimit-Remaining,"
          + " RateLimit-Reset";

  /** How long browsers may cache a preflight answer, in seconds. */
  static final String MAX_AGE = "600";

  private final Set<String> allowedOrigins;

  private CorsPolicy(Set<String> allowedOrigins) {
    this.allowedOrigins = allowedOrigins;
  }

  /**
   * Parses the allow-list.
   *
   * @param commaList the configured value, or null/blank for none
   * @return the policy
   */
  public static CorsPolicy parse(String commaList) {
    if (commaList == null || commaList.isBlank()) {
      return new CorsPolicy(Set.of());
    }
    return new CorsPolicy(
        Arrays.stream(commaList.split(","))
            .map(String::trim)
            .map(CorsPolicy::withoutTrailingSlash)
            .filter(origin -> !origin.isEmpty())
            .collect(Collectors.toUnmodifiableSet()));
  }

  /**
   * Tells whether CORS is on at all.
   *
   * @return false when no origin is allowed
   */
  public boolean enabled() {
    return !allowedOrigins.isEmpty();
  }

  /**
   * Tells whether a browser origin may call the API.
   *
   * @param origin the {@code Origin} header, or null
   * @return true if it is on the allow-list
   */
  public boolean allows(String origin) {
    return origin != null && allowedOrigins.contains(origin);
  }

  private static String withoutTrailingSlash(String origin) {
    return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
  }
}
