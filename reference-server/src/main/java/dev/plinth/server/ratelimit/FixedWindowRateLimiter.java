package dev.plinth.server.ratelimit;

import dev.plinth.cache.Cache;
import dev.plinth.telemetry.Counter;
import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Telemetry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A fixed-window rate limiter on the SDK {@link Cache}: one counter per caller and window ({@code
 * Cache.increment} creates it with the window as TTL), so every server instance sharing the cache
 * shares the count. Windows are aligned to the clock, which makes {@code Retry-After} exact. A
 * cache outage lets requests through (fail open) and is counted: throttling is a protection, not a
 * reason to refuse service.
 */
public final class FixedWindowRateLimiter {
  /** Counter of rate-limit decisions, tag {@code outcome=allowed|throttled|fail_open}. */
  public static final String DECISIONS = "plinth_server_rate_limit_total";

  private static final Logger LOG = Logger.getLogger(FixedWindowRateLimiter.class.getName());

  private final Cache cache;
  private final RateLimitSettings settings;
  private final Clock clock;
  private final Counter allowed;
  private final Counter throttled;
  private final Counter failedOpen;

  /**
   * Creates the limiter.
   *
   * @param cache where the counters live
   * @param telemetry where decisions are counted
   * @param settings the limits
   * @param clock the clock that places requests in windows
   */
  public FixedWindowRateLimiter(
      Cache cache, Telemetry telemetry, RateLimitSettings settings, Clock clock) {
    this.cache = cache;
    this.settings = settings;
    this.clock = clock;
    this.allowed = telemetry.counter(DECISIONS, Tags.of("outcome", "allowed"));
    this.throttled = telemetry.counter(DECISIONS, Tags.of("outcome", "throttled"));
    this.failedOpen = telemetry.counter(DECISIONS, Tags.of("outcome", "fail_open"));
  }

  /**
   * Counts one request of a caller.
   *
   * @param subject the authenticated subject, or null when anonymous
   * @param clientIp the client address, used when anonymous
   * @return whether the request may proceed, with the numbers for the response headers
   */
  public RateLimitDecision acquire(String subject, String clientIp) {
    int limit = settings.limitFor(subject);
    long windowMillis = settings.window().toMillis();
    long now = clock.millis();
    long window = now / windowMillis;
    long resetSeconds = Math.max(1, ((window + 1) * windowMillis - now + 999) / 1000);
    String key = key(subject, clientIp, window);
    long count;
    try {
      count = cache.increment(key, 1, Duration.ofMillis(windowMillis));
    } catch (RuntimeException e) {
      failedOpen.increment();
      LOG.log(
          Level.WARNING,
          "Rate limit not enforced: the cache failed ({0}); the request is let through.",
          e.getClass().getName());
      return new RateLimitDecision(true, limit, limit, resetSeconds, true);
    }
    if (count > limit) {
      throttled.increment();
      LOG.info(() -> "Rate limit of " + limit + " requests exceeded by " + caller(subject));
      return new RateLimitDecision(false, limit, 0, resetSeconds, false);
    }
    allowed.increment();
    return new RateLimitDecision(true, limit, limit - count, resetSeconds, false);
  }

  private static String key(String subject, String clientIp, long window) {
    String who = subject != null ? "s:" + subject : "ip:" + clientIp;
    // Cache keys allow no spaces or control characters: encode whatever the caller's name holds.
    return "ratelimit:" + URLEncoder.encode(who, StandardCharsets.UTF_8) + ":" + window;
  }

  private static String caller(String subject) {
    return subject != null ? "subject '" + subject + "'" : "an anonymous client";
  }
}
