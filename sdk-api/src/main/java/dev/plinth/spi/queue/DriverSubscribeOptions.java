package dev.plinth.spi.queue;

/**
 * What a driver needs to consume.
 *
 * @param concurrency parallel consumers
 * @param prefetch messages fetched ahead per consumer
 * @param maxAttempts the portable attempt limit; a broker-side safety limit must be higher
 */
public record DriverSubscribeOptions(int concurrency, int prefetch, int maxAttempts) {}
