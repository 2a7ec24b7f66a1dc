package dev.plinth.core.cache;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.cache.Cache;
import dev.plinth.cache.CacheLoader;
import dev.plinth.cache.Codec;
import dev.plinth.cache.TypedCache;
import dev.plinth.config.PlinthConfig;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.spi.cache.CacheDriver;
import dev.plinth.telemetry.Telemetry;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * STUB (h-platform branch): a pure pass-through so {@code Platform} compiles. The cache owner's
 * version replaces it at merge.
 */
public final class PortableCache implements Cache, AutoCloseable {
  private final String provider;
  private final CacheDriver driver;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Wraps a driver.
   *
   * @param provider the provider name
   * @param driver the driver
   * @param telemetry the telemetry
   * @param config the configuration
   */
  public PortableCache(
      String provider, CacheDriver driver, Telemetry telemetry, PlinthConfig config) {
    this.provider = provider;
    this.driver = driver;
  }

  @Override
  public Optional<byte[]> get(String key) {
    return Optional.ofNullable(driver.get(key));
  }

  @Override
  public void put(String key, byte[] value, Duration ttl) {
    driver.put(key, value, ttl);
  }

  @Override
  public boolean putIfAbsent(String key, byte[] value, Duration ttl) {
    return driver.putIfAbsent(key, value, ttl);
  }

  @Override
  public boolean delete(String key) {
    return driver.delete(key);
  }

  @Override
  public Map<String, byte[]> getAll(Collection<String> keys) {
    return driver.getAll(keys);
  }

  @Override
  public void putAll(Map<String, byte[]> entries, Duration ttl) {
    driver.putAll(entries, ttl);
  }

  @Override
  public long increment(String key, long delta, Duration ttl) {
    return driver.increment(key, delta, ttl);
  }

  @Override
  public long deleteByPrefix(String prefix) {
    return driver.deleteByPrefix(prefix);
  }

  @Override
  public Optional<byte[]> getOrLoad(String key, Duration ttl, CacheLoader<byte[]> loader) {
    Optional<byte[]> cached = get(key);
    if (cached.isPresent()) {
      return cached;
    }
    try {
      byte[] loaded = loader.load(key);
      if (loaded != null) {
        put(key, loaded, ttl);
      }
      return Optional.ofNullable(loaded);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new ProviderUnavailableException("Loader for '" + key + "' failed", e);
    }
  }

  @Override
  public <T> TypedCache<T> typed(Codec<T> codec) {
    throw new UnsupportedOperationException("stub: typed views come with the cache owner's class");
  }

  @Override
  public String provider() {
    return provider;
  }

  @Override
  public Capabilities capabilities() {
    return driver.capabilities();
  }

  @Override
  public Health health() {
    return driver.health();
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    for (Object candidate : new Object[] {this, driver, driver.nativeClient()}) {
      if (type.isInstance(candidate)) {
        return type.cast(candidate);
      }
    }
    throw new IllegalArgumentException(
        "Cache provider '" + provider + "' wraps no " + type.getName());
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      driver.close();
    }
  }
}
