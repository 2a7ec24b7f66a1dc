package dev.plinth.core.cache;

import dev.plinth.error.PlinthException;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.telemetry.Counter;
import dev.plinth.telemetry.PlinthMetrics;
import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Telemetry;
import dev.plinth.telemetry.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs driver calls with the same metrics and error mapping for every provider. Instruments are
 * looked up once per tag combination and kept, because cache calls are on hot paths.
 */
final class CacheInstruments {
  /** {@code result} tag of a hit. */
  static final String HIT = "hit";

  /** {@code result} tag of a miss. */
  static final String MISS = "miss";

  /** {@code result} tag of a value produced by a loader. */
  static final String LOADED = "loaded";

  private final String provider;
  private final Telemetry telemetry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  private final Clock clock;
  private volatile Instant lastAbsorbedOutage;

  CacheInstruments(String provider, Telemetry telemetry, Clock clock) {
    this.provider = provider;
    this.telemetry = telemetry;
    this.clock = clock;
  }

  /**
   * Runs one operation: times it, counts it by outcome and maps foreign runtime exceptions to
   * {@link ProviderUnavailableException}. Messages name the operation, never a value.
   *
   * @param op the operation name, e.g. {@code get}
   * @param action the driver call
   * @param <T> the result type
   * @return the result
   */
  <T> T call(String op, Supplier<T> action) {
    long start = System.nanoTime();
    String outcome = "success";
    try {
      return action.get();
    } catch (PlinthException e) {
      outcome = e.code();
      throw e;
    } catch (UnsupportedOperationException e) {
      // The documented answer to a missing capability; it must reach the caller unchanged.
      outcome = "unsupported";
      throw e;
    } catch (RuntimeException e) {
      outcome = "unavailable";
      throw new ProviderUnavailableException(
          "Cache provider '"
              + provider
              + "' failed during '"
              + op
              + "' with "
              + e.getClass().getName()
              + ". Check that the cache backend is reachable; retrying later may succeed.",
          e);
    } finally {
      timer(op).recordNanos(System.nanoTime() - start);
      count(op, outcome);
    }
  }

  /**
   * Counts a read result of {@code get} or {@code getOrLoad}.
   *
   * @param result {@link #HIT}, {@link #MISS} or {@link #LOADED}
   */
  void request(String result) {
    counters
        .computeIfAbsent(
            "request|" + result,
            k ->
                telemetry.counter(
                    PlinthMetrics.CACHE_REQUESTS, Tags.of("result", result, "provider", provider)))
        .increment();
  }

  /**
   * Counts an operation outcome without timing it, e.g. a failure that was absorbed.
   *
   * @param op the operation
   * @param outcome the outcome tag
   */
  void count(String op, String outcome) {
    counters
        .computeIfAbsent(
            op + "|" + outcome,
            k ->
                telemetry.counter(
                    PlinthMetrics.CACHE_OPS,
                    Tags.of("op", op, "provider", provider, "outcome", outcome)))
        .increment();
  }

  /**
   * Counts a backend failure that {@code getOrLoad} absorbed (served from the loader instead) and
   * remembers when, so that health can report DEGRADED although the backend answers again.
   */
  void absorbedOutage() {
    count("getOrLoad", "degraded");
    lastAbsorbedOutage = clock.instant();
  }

  /**
   * Returns when {@code getOrLoad} last absorbed a backend failure.
   *
   * @return the instant, or null if it never did
   */
  Instant lastAbsorbedOutage() {
    return lastAbsorbedOutage;
  }

  private Timer timer(String op) {
    return timers.computeIfAbsent(
        op,
        k ->
            telemetry.timer(PlinthMetrics.CACHE_DURATION, Tags.of("op", op, "provider", provider)));
  }
}
