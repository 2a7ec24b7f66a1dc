package dev.plinth.core.cache;

import dev.plinth.core.telemetry.Telemetries;
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
 * looked up once per tag combination and kept, because cache calls are on hot paths; with a no-op
 * telemetry nothing is looked up and the clock is not read. Single-key operations use {@link
 * #start()}, {@link #succeeded} and {@link #failed} instead of {@link #call}, so that they need no
 * capturing lambda.
 */
final class CacheInstruments {
  /** {@code outcome} tag of a call that succeeded. */
  static final String SUCCESS = "success";

  /** {@code result} tag of a hit. */
  static final String HIT = "hit";

  /** {@code result} tag of a miss. */
  static final String MISS = "miss";

  /** {@code result} tag of a value produced by a loader. */
  static final String LOADED = "loaded";

  private final String provider;
  private final Telemetry telemetry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Counter> requests = new ConcurrentHashMap<>();
  private final Map<String, Counter> successes = new ConcurrentHashMap<>();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  private final Clock clock;
  private final boolean recording;
  private volatile Instant lastAbsorbedOutage;

  CacheInstruments(String provider, Telemetry telemetry, Clock clock) {
    this.provider = provider;
    this.telemetry = telemetry;
    this.clock = clock;
    this.recording = !Telemetries.isNoop(telemetry);
  }

  /**
   * Returns the start time of an operation for {@link #succeeded} or {@link #failed}.
   *
   * @return {@link System#nanoTime()}, or 0 when nothing is recorded
   */
  long start() {
    return recording ? System.nanoTime() : 0L;
  }

  /**
   * Records an operation that succeeded.
   *
   * @param op the operation name
   * @param start what {@link #start()} returned
   */
  void succeeded(String op, long start) {
    if (recording) {
      timer(op).recordNanos(System.nanoTime() - start);
      count(op, SUCCESS);
    }
  }

  /**
   * Records an operation that failed and returns the exception to throw: Plinth and unsupported
   * operation exceptions unchanged, any other runtime exception mapped as {@link #call} does.
   *
   * @param op the operation name
   * @param start what {@link #start()} returned
   * @param e what the driver threw
   * @return the exception the caller must throw
   */
  RuntimeException failed(String op, long start, RuntimeException e) {
    RuntimeException thrown;
    String outcome;
    if (e instanceof PlinthException plinth) {
      outcome = plinth.code();
      thrown = e;
    } else if (e instanceof UnsupportedOperationException) {
      // The documented answer to a missing capability; it must reach the caller unchanged.
      outcome = "unsupported";
      thrown = e;
    } else {
      outcome = "unavailable";
      thrown = unavailable(op, e);
    }
    if (recording) {
      timer(op).recordNanos(System.nanoTime() - start);
    }
    count(op, outcome);
    return thrown;
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
    long start = start();
    T result;
    try {
      result = action.get();
    } catch (RuntimeException e) {
      throw failed(op, start, e);
    }
    succeeded(op, start);
    return result;
  }

  private ProviderUnavailableException unavailable(String op, RuntimeException e) {
    return new ProviderUnavailableException(
        "Cache provider '"
            + provider
            + "' failed during '"
            + op
            + "' with "
            + e.getClass().getName()
            + ". Check that the cache backend is reachable; retrying later may succeed.",
        e);
  }

  /**
   * Counts a read result of {@code get} or {@code getOrLoad}.
   *
   * @param result {@link #HIT}, {@link #MISS} or {@link #LOADED}
   */
  void request(String result) {
    if (!recording) {
      return;
    }
    // Keyed by the result itself and read before computeIfAbsent: a composite key or a capturing
    // lambda would allocate on every read.
    Counter counter = requests.get(result);
    if (counter == null) {
      counter =
          requests.computeIfAbsent(
              result,
              k ->
                  telemetry.counter(
                      PlinthMetrics.CACHE_REQUESTS,
                      Tags.of("result", result, "provider", provider)));
    }
    counter.increment();
  }

  /**
   * Counts an operation outcome without timing it, e.g. a failure that was absorbed.
   *
   * @param op the operation
   * @param outcome the outcome tag
   */
  void count(String op, String outcome) {
    if (!recording) {
      return;
    }
    if (SUCCESS.equals(outcome)) {
      // The hot path: one lookup by the operation name, no composite key to allocate.
      Counter success = successes.get(op);
      if (success == null) {
        success = successes.computeIfAbsent(op, k -> counter(op, SUCCESS));
      }
      success.increment();
      return;
    }
    counters.computeIfAbsent(op + "|" + outcome, k -> counter(op, outcome)).increment();
  }

  private Counter counter(String op, String outcome) {
    return telemetry.counter(
        PlinthMetrics.CACHE_OPS, Tags.of("op", op, "provider", provider, "outcome", outcome));
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
    Timer timer = timers.get(op);
    if (timer != null) {
      return timer;
    }
    return timers.computeIfAbsent(
        op,
        k ->
            telemetry.timer(PlinthMetrics.CACHE_DURATION, Tags.of("op", op, "provider", provider)));
  }
}
