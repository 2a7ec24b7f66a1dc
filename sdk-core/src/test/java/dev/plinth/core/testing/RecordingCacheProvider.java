package dev.plinth.core.testing;

import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.cache.CacheDriver;
import dev.plinth.spi.cache.CacheProvider;

/** Test-only {@code recording} provider of the cache port. */
public final class RecordingCacheProvider implements CacheProvider {

  @Override
  public String name() {
    return "recording";
  }

  @Override
  public String description() {
    return "Test cache driver that logs its lifecycle";
  }

  @Override
  public CacheDriver create(ProviderContext context) {
    return RecordingDrivers.create(CacheDriver.class, context);
  }
}
