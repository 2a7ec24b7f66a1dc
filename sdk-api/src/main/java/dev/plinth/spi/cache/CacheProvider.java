package dev.plinth.spi.cache;

import dev.plinth.spi.PlinthProvider;

/** Discovers a {@link CacheDriver} through {@code META-INF/services}. */
public interface CacheProvider extends PlinthProvider<CacheDriver> {}
