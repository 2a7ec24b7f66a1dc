package dev.plinth.queue;

import java.time.Duration;

/**
 * Exponential backoff with jitter between attempts: the delay before attempt {@code n+1} is {@code
 * initial * multiplier^(n-1)}, capped at {@code max}, then varied by &plusmn;{@code jitter}.
 *
 * @param initial the delay after the first attempt
 * @param max the largest delay
 * @param multiplier growth per attempt (&ge; 1)
 * @param jitter relative random variation in [0, 1)
 */
public record Backoff(Duration initial, Duration max, double multiplier, double jitter) {

  /**
   * Validates the backoff.
   *
   * @param initial the first delay
   * @param max the largest delay
   * @param multiplier growth per attempt
   * @param jitter relative variation
   */
  public Backoff {
    if (initial.isNegative() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("Backoff needs 0 <= initial <= max");
    }
    if (multiplier < 1.0 || jitter < 0 || jitter >= 1.0) {
      throw new IllegalArgumentException("Backoff needs multiplier >= 1 and 0 <= jitter < 1");
    }
  }

  /**
   * The default: 1 s, doubling, at most 5 min, 20 % jitter.
   *
   * @return the default backoff
   */
  public static Backoff defaults() {
    return new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 2.0, 0.2);
  }

  /**
   * Exponential backoff doubling from {@code initial} up to {@code max} with 20 % jitter.
   *
   * @param initial the first delay
   * @param max the largest delay
   * @return the backoff
   */
  public static Backoff exponential(Duration initial, Duration max) {
    return new Backoff(initial, max, 2.0, 0.2);
  }

  /**
   * The same delay every time, without jitter.
   *
   * @param delay the delay
   * @return the backoff
   */
  public static Backoff fixed(Duration delay) {
    return new Backoff(delay, delay, 1.0, 0.0);
  }

  /**
   * Returns a copy with another jitter.
   *
   * @param value relative variation in [0, 1)
   * @return the new backoff
   */
  public Backoff withJitter(double value) {
    return new Backoff(initial, max, multiplier, value);
  }

  /**
   * Computes the delay after a failed attempt.
   *
   * @param failedAttempt the attempt that failed, from 1
   * @param random a uniform random number in [0, 1) for the jitter
   * @return the delay before the next attempt
   */
  public Duration delayAfter(int failedAttempt, double random) {
    double base = initial.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempt - 1));
    double capped = Math.min(base, max.toMillis());
    double varied = capped * (1.0 + jitter * (2.0 * random - 1.0));
    return Duration.ofMillis(Math.max(0, Math.min(Math.round(varied), max.toMillis())));
  }
}
