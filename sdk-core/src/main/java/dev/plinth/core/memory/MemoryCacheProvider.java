package dev.plinth.core.memory;

import dev.plinth.config.PlinthConfig;
import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.cache.CacheDriver;
import dev.plinth.spi.cache.CacheProvider;

/**
 * Discovers the in-process cache, selected with {@code plinth.cache.provider=memory}. Setting:
 * {@code plinth.cache.memory.max-entries} (default {@value MemoryCacheDriver#DEFAULT_MAX_ENTRIES}).
 */
public final class MemoryCacheProvider implements CacheProvider {
  /** The setting name under {@code plinth.cache.}. */
  static final String MAX_ENTRIES = "memory.max-entries";

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public MemoryCacheProvider() {}

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public String description() {
    return "In-process cache with TTLs and a bounded entry count (not shared between processes)";
  }

  @Override
  public CacheDriver create(ProviderContext context) {
    String key = context.key(MAX_ENTRIES);
    int maxEntries = context.config().getInt(key, MemoryCacheDriver.DEFAULT_MAX_ENTRIES);
    if (maxEntries < 1) {
      throw PlinthConfig.invalid(
          key, Integer.toString(maxEntries), "a positive integer, e.g. 10000");
    }
    return new MemoryCacheDriver(maxEntries, System::nanoTime);
  }
}
