package dev.plinth.local.cache;

import dev.plinth.spi.PlinthProvider;
import dev.plinth.spi.cache.CacheProvider;
import dev.plinth.tck.ProviderDiscoveryContract;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class RedisCacheDiscoveryTest extends ProviderDiscoveryContract {
  private static RedisTestBackend backend;

  @BeforeAll
  static void startRedis() {
    backend = RedisTestBackend.start();
  }

  @AfterAll
  static void stopRedis() {
    backend.close();
  }

  @Override
  protected Class<? extends PlinthProvider<?>> spiType() {
    return CacheProvider.class;
  }

  @Override
  protected String providerName() {
    return "redis";
  }

  @Override
  protected Map<String, String> minimalConfig() {
    return Map.of("plinth.cache.redis.url", backend.url());
  }
}
