package dev.plinth.local.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.Health;
import dev.plinth.cache.Cache;
import dev.plinth.cache.CacheCapabilities;
import dev.plinth.core.Platform;
import dev.plinth.core.PortName;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** The redis provider selected through configuration, as an application would use it. */
class RedisPlatformTest {
  private static RedisTestBackend backend;
  private static Platform platform;

  @BeforeAll
  static void start() {
    backend = RedisTestBackend.start();
    platform = backend.platform(Map.of());
  }

  @AfterAll
  static void stop() {
    platform.close();
    backend.close();
  }

  @Test
  void cache_selectedByConfiguration_storesInRedis() {
    Cache cache = platform.cache();
    String key = "platform-" + UUID.randomUUID();

    cache.put(key, "v".getBytes(UTF_8), Duration.ofMinutes(1));

    assertThat(cache.provider()).isEqualTo("redis");
    assertThat(cache.get(key)).hasValue("v".getBytes(UTF_8));
    assertThat(cache.unwrap(JedisPooled.class)).isNotNull();
  }

  @Test
  void describe_reportsRedisCapabilities() {
    var described = platform.describe().port(PortName.CACHE);

    assertThat(described.provider()).isEqualTo("redis");
    assertThat(described.capabilities().supports(CacheCapabilities.SHARED)).isTrue();
    assertThat(platform.cache().health().state()).isEqualTo(Health.State.UP);
  }
}
