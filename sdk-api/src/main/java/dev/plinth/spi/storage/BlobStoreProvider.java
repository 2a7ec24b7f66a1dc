package dev.plinth.spi.storage;

import dev.plinth.spi.PlinthProvider;

/** Discovers a {@link BlobStoreDriver} through {@code META-INF/services}. */
public interface BlobStoreProvider extends PlinthProvider<BlobStoreDriver> {}
