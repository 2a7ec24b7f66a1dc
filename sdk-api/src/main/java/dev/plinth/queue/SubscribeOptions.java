package dev.plinth.queue;

import java.util.Objects;

/**
 * How a subscription consumes: parallel handlers, messages fetched ahead, attempts and backoff.
 * Immutable; each {@code with...} method returns a copy.
 *
 * @param concurrency handler threads (1..256)
 * @param prefetch messages buffered per consumer ahead of the handler (0..1000)
 * @param maxAttempts attempts before a message is dead-lettered (1..1000)
 * @param backoff delays between attempts
 */
public record SubscribeOptions(int concurrency, int prefetch, int maxAttempts, Backoff backoff) {

  /**
   * Validates the options.
   *
   * @param concurrency handler threads
   * @param prefetch messages fetched ahead
   * @param maxAttempts attempts before dead-lettering
   * @param backoff delays between attempts
   */
  public SubscribeOptions {
    if (concurrency < 1 || concurrency > 256) {
      throw new IllegalArgumentException("concurrency must be 1..256, was " + concurrency);
    }
    if (prefetch < 0 || prefetch > 1000) {
      throw new IllegalArgumentException("prefetch must be 0..1000, was " + prefetch);
    }
    if (maxAttempts < 1 || maxAttempts > 1000) {
      throw new IllegalArgumentException("maxAttempts must be 1..1000, was " + maxAttempts);
    }
    Objects.requireNonNull(backoff, "backoff");
  }

  /**
   * The defaults: 1 handler thread, prefetch 10, 5 attempts, {@link Backoff#defaults()}.
   *
   * @return the default options
   */
  public static SubscribeOptions defaults() {
    return new SubscribeOptions(1, 10, 5, Backoff.defaults());
  }

  /**
   * Returns a copy with another concurrency.
   *
   * @param value handler threads
   * @return the new options
   */
  public SubscribeOptions withConcurrency(int value) {
    return new SubscribeOptions(value, prefetch, maxAttempts, backoff);
  }

  /**
   * Returns a copy with another prefetch.
   *
   * @param value messages fetched ahead
   * @return the new options
   */
  public SubscribeOptions withPrefetch(int value) {
    return new SubscribeOptions(concurrency, value, maxAttempts, backoff);
  }

  /**
   * Returns a copy with another attempt limit.
   *
   * @param value attempts before dead-lettering
   * @return the new options
   */
  public SubscribeOptions withMaxAttempts(int value) {
    return new SubscribeOptions(concurrency, prefetch, value, backoff);
  }

  /**
   * Returns a copy with another backoff.
   *
   * @param value delays between attempts
   * @return the new options
   */
  public SubscribeOptions withBackoff(Backoff value) {
    return new SubscribeOptions(concurrency, prefetch, maxAttempts, value);
  }
}
