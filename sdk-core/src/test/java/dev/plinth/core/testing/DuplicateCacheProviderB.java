package dev.plinth.core.testing;

import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.cache.CacheDriver;
import dev.plinth.spi.cache.CacheProvider;

/** Test-only cache provider sharing the name {@code duplicate} with another one. */
public final class DuplicateCacheProviderB implements CacheProvider {

  @Override
  public String name() {
    return "duplicate";
  }

  @Override
  public String description() {
    return "Duplicate name B";
  }

  @Override
  public CacheDriver create(ProviderContext context) {
    return RecordingDrivers.create(CacheDriver.class, context);
  }
}
