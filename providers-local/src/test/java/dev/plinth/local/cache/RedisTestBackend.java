package dev.plinth.local.cache;

import dev.plinth.config.Profile;
import dev.plinth.core.Platform;
import dev.plinth.redis.RedisSettings;
import dev.plinth.spi.ProviderContext;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.telemetry.Telemetry;
import dev.plinth.testing.EmbeddedRedis;
import java.util.Map;

/**
 * The Redis a test class runs against: the server named by {@code PLINTH_TEST_REDIS_URL} when set,
 * else an embedded server started for the class. Start it in {@code @BeforeAll}, close it in
 * {@code @AfterAll}.
 */
final class RedisTestBackend implements AutoCloseable {
  private final EmbeddedRedis embedded;
  private final String url;

  private RedisTestBackend(EmbeddedRedis embedded, String url) {
    this.embedded = embedded;
    this.url = url;
  }

  static RedisTestBackend start() {
    return EmbeddedRedis.externalUrl()
        .map(external -> new RedisTestBackend(null, external))
        .orElseGet(
            () -> {
              EmbeddedRedis embedded = EmbeddedRedis.start();
              return new RedisTestBackend(embedded, embedded.url());
            });
  }

  /** The driver settings for this server, read by the provider from its URL. */
  RedisSettings settings() {
    return RedisCacheProvider.settings(
        new ProviderContext(
            "cache", new MapPlinthConfig(Map.of("plinth.cache.redis.url", url)), Telemetry.noop()));
  }

  /** The URL for {@code plinth.cache.redis.url}. */
  String url() {
    return url;
  }

  /**
   * Builds a platform as an application would: the redis cache on this server, the other ports off.
   *
   * @param cacheProperties further {@code plinth.cache.*} properties
   * @return the platform; close it in {@code @AfterAll}
   */
  Platform platform(Map<String, String> cacheProperties) {
    return cachePlatform(url, cacheProperties);
  }

  /**
   * Builds a platform as an application would: the redis cache at {@code url}, the other ports off.
   *
   * @param url the value of {@code plinth.cache.redis.url}
   * @param cacheProperties further {@code plinth.cache.*} properties
   * @return the platform; close it in {@code @AfterAll}
   */
  static Platform cachePlatform(String url, Map<String, String> cacheProperties) {
    return Platform.builder()
        .profile(Profile.MEMORY)
        // Only the cache port matters here; the others are disabled.
        .property("plinth.storage.provider", "none")
        .property("plinth.queue.provider", "none")
        .property("plinth.auth.provider", "none")
        .property("plinth.telemetry.provider", "none")
        .property("plinth.cache.provider", "redis")
        .property("plinth.cache.redis.url", url)
        .properties(cacheProperties)
        .build();
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
