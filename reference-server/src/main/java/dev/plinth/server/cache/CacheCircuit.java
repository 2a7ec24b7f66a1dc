package dev.plinth.server.cache;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * A MicroProfile Fault Tolerance circuit breaker in front of optional cache reads and writes.
 *
 * <p>The cache-aside paths treat any cache failure as a miss, so a cache outage never fails a
 * request; but without a breaker every request would still wait for the cache client's timeout
 * first. After 3 failures in the last 4 calls the circuit opens and calls fail at once with {@code
 * CircuitBreakerOpenException} (the callers' miss path) for 10 seconds, then one trial call decides
 * whether to close it again.
 *
 * <p>Only optional work goes through here (reads and re-fills). Invalidations must always be
 * attempted — skipping one would serve a stale entry for a whole TTL — so they call the cache
 * directly.
 */
@ApplicationScoped
public class CacheCircuit {
  /**
   * Runs one optional cache call behind the breaker.
   *
   * @param call the cache call
   * @param <T> its result type
   * @return the call's result
   * @throws RuntimeException what the call threw, or {@code CircuitBreakerOpenException} while the
   *     circuit is open
   */
  @CircuitBreaker(
      requestVolumeThreshold = 4,
      failureRatio = 0.75,
      delay = 10,
      delayUnit = ChronoUnit.SECONDS,
      successThreshold = 1)
  public <T> T call(Supplier<T> call) {
    return call.get();
  }
}
