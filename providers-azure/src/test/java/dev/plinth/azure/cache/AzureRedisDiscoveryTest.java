package dev.plinth.azure.cache;

import dev.plinth.spi.PlinthProvider;
import dev.plinth.spi.cache.CacheProvider;
import dev.plinth.tck.ProviderDiscoveryContract;
import dev.plinth.testing.EmbeddedRedis;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@code azure-redis} is registered and well-behaved as a plug-in. */
class AzureRedisDiscoveryTest extends ProviderDiscoveryContract {
  private static final String ACCESS_KEY = "discovery-key";
  private static EmbeddedRedis server;

  @BeforeAll
  static void startRedis() {
    server = EmbeddedRedis.start("requirepass " + ACCESS_KEY);
  }

  @AfterAll
  static void stopRedis() {
    server.close();
  }

  @Override
  protected Class<? extends PlinthProvider<?>> spiType() {
    return CacheProvider.class;
  }

  @Override
  protected String providerName() {
    return AzureRedisCacheProvider.NAME;
  }

  @Override
  protected Map<String, String> minimalConfig() {
    return Map.of(
        "plinth.cache.azure-redis.host", "127.0.0.1",
        "plinth.cache.azure-redis.port", Integer.toString(server.port()),
        "plinth.cache.azure-redis.tls", "false",
        "plinth.cache.azure-redis.auth", "access-key",
        "plinth.cache.azure-redis.access-key", ACCESS_KEY);
  }
}
