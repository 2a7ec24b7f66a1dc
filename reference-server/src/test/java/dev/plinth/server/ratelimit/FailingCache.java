package dev.plinth.server.ratelimit;

import dev.plinth.cache.Cache;
import dev.plinth.config.PlinthConfig;
import dev.plinth.config.Profile;
import dev.plinth.core.cache.PortableCache;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.spi.cache.CacheDriver;
import dev.plinth.telemetry.Telemetry;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.Set;

/** A cache whose backend is down: the SDK's portable cache over a driver that always fails. */
public final class FailingCache {
  private FailingCache() {}

  /**
   * Creates the cache.
   *
   * @return a cache whose every backend call fails with {@link ProviderUnavailableException}
   */
  public static Cache create() {
    CacheDriver driver =
        (CacheDriver)
            Proxy.newProxyInstance(
                CacheDriver.class.getClassLoader(),
                new Class<?>[] {CacheDriver.class},
                (proxy, method, args) -> {
                  throw new ProviderUnavailableException("cache backend down (test)");
                });
    return new PortableCache("failing", driver, Telemetry.noop(), new EmptyConfig());
  }

  private static final class EmptyConfig implements PlinthConfig {
    @Override
    public Optional<String> get(String key) {
      return Optional.empty();
    }

    @Override
    public Set<String> keys() {
      return Set.of();
    }

    @Override
    public Profile profile() {
      return Profile.MEMORY;
    }
  }
}
