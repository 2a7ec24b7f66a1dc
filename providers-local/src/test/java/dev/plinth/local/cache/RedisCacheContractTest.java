package dev.plinth.local.cache;

import dev.plinth.cache.Cache;
import dev.plinth.core.Platform;
import dev.plinth.tck.CacheContract;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the cache contract against the {@code redis} provider, selected through {@link Platform} as
 * an application would, with cross-process single-flight (leases) switched on.
 */
class RedisCacheContractTest extends CacheContract {
  private static RedisTestBackend backend;
  private static Platform platform;

  @BeforeAll
  static void start() {
    backend = RedisTestBackend.start();
    platform = backend.platform(Map.of("plinth.cache.distributed-single-flight", "true"));
  }

  @AfterAll
  static void stop() {
    platform.close();
    backend.close();
  }

  @Override
  protected Cache cache() {
    return platform.cache();
  }
}
