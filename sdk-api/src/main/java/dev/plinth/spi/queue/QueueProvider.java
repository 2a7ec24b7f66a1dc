package dev.plinth.spi.queue;

import dev.plinth.spi.PlinthProvider;

/** Discovers a {@link QueueDriver} through {@code META-INF/services}. */
public interface QueueProvider extends PlinthProvider<QueueDriver> {}
