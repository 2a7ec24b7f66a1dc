package dev.plinth.core.auth;

import dev.plinth.auth.Principal;
import dev.plinth.core.telemetry.Telemetries;
import dev.plinth.telemetry.Counter;
import dev.plinth.telemetry.PlinthMetrics;
import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Telemetry;
import dev.plinth.telemetry.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The authenticator's metrics, each instrument looked up once per tag combination and kept, so a
 * verification allocates nothing for metrics; with a no-op telemetry the clock is not read.
 */
final class AuthInstruments {
  private final String provider;
  private final Telemetry telemetry;
  private final boolean timed;
  private final Map<Principal.Kind, Counter> successes = new ConcurrentHashMap<>();
  private final Map<String, Counter> failures = new ConcurrentHashMap<>();
  private volatile Timer duration;

  AuthInstruments(String provider, Telemetry telemetry) {
    this.provider = provider;
    this.telemetry = telemetry;
    this.timed = !Telemetries.isNoop(telemetry);
  }

  /**
   * Returns the start of a timed call.
   *
   * @return {@link System#nanoTime()}, or 0 when nothing is recorded
   */
  long start() {
    return timed ? System.nanoTime() : 0L;
  }

  /**
   * Records the duration of a call started at {@code start}.
   *
   * @param start what {@link #start()} returned
   */
  void stop(long start) {
    if (!timed) {
      return;
    }
    Timer timer = duration;
    if (timer == null) {
      timer = telemetry.timer(PlinthMetrics.AUTH_DURATION, Tags.of("provider", provider));
      duration = timer; // a race builds the same timer twice; the registry returns one
    }
    timer.recordNanos(System.nanoTime() - start);
  }

  /**
   * Counts a successful authentication.
   *
   * @param kind the principal's kind
   */
  void success(Principal.Kind kind) {
    Counter counter = successes.get(kind); // read first: computeIfAbsent's lambda would allocate
    if (counter == null) {
      counter =
          successes.computeIfAbsent(
              kind,
              k ->
                  telemetry.counter(
                      PlinthMetrics.AUTH_SUCCESSES,
                      Tags.of("provider", provider, "kind", k.name().toLowerCase(Locale.ROOT))));
    }
    counter.increment();
  }

  /**
   * Counts a refusal or failure.
   *
   * @param reason the reason tag
   */
  void failure(String reason) {
    failures
        .computeIfAbsent(
            reason,
            r ->
                telemetry.counter(
                    PlinthMetrics.AUTH_FAILURES, Tags.of("provider", provider, "reason", r)))
        .increment();
  }
}
