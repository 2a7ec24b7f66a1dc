package dev.plinth.local.cache;

import dev.plinth.cache.Cache;
import dev.plinth.config.Profile;
import dev.plinth.core.Platform;
import dev.plinth.tck.CacheContract;
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
    platform =
        Platform.builder()
            .profile(Profile.MEMORY)
            .property("plinth.storage.provider", "none")
            .property("plinth.queue.provider", "none")
            .property("plinth.auth.provider", "none")
            .property("plinth.telemetry.provider", "none")
            .property("plinth.cache.provider", "redis")
            .property("plinth.cache.redis.url", backend.url())
            .property("plinth.cache.distributed-single-flight", "true")
            .build();
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
