package dev.plinth.azure.cache;

import dev.plinth.cache.Cache;
import dev.plinth.config.Profile;
import dev.plinth.core.Platform;
import dev.plinth.tck.CacheContract;
import dev.plinth.testing.EmbeddedRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the cache contract against the {@code azure-redis} provider, selected through {@link
 * Platform}, with {@code auth=access-key} on a password-protected local Redis. TLS is off because
 * embedded-redis has no TLS (the TLS wiring is covered by {@link AzureRedisConfigTest}).
 */
class AzureRedisCacheContractTest extends CacheContract {
  private static final String ACCESS_KEY = "contract-Access-Key-0123456789=";
  private static EmbeddedRedis server;
  private static Platform platform;

  @BeforeAll
  static void start() {
    server = EmbeddedRedis.start("requirepass " + ACCESS_KEY);
    platform =
        Platform.builder()
            .profile(Profile.MEMORY)
            .property("plinth.storage.provider", "none")
            .property("plinth.queue.provider", "none")
            .property("plinth.auth.provider", "none")
            .property("plinth.telemetry.provider", "none")
            .property("plinth.cache.provider", "azure-redis")
            .property("plinth.cache.azure-redis.host", "127.0.0.1")
            .property("plinth.cache.azure-redis.port", Integer.toString(server.port()))
            .property("plinth.cache.azure-redis.tls", "false")
            .property("plinth.cache.azure-redis.auth", "access-key")
            .property("plinth.cache.azure-redis.access-key", ACCESS_KEY)
            .property("plinth.cache.distributed-single-flight", "true")
            .build();
  }

  @AfterAll
  static void stop() {
    platform.close();
    server.close();
  }

  @Override
  protected Cache cache() {
    return platform.cache();
  }
}
