package dev.plinth.local.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.Health;
import dev.plinth.config.Profile;
import dev.plinth.error.ConfigurationException;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.redis.RedisSettings;
import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.cache.CacheDriver;
import dev.plinth.telemetry.Telemetry;
import dev.plinth.testing.FreePorts;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisCredentials;

class RedisCacheProviderTest {

  private static ProviderContext context(Map<String, String> properties) {
    return new ProviderContext("cache", new MapConfig(properties, Profile.LOCAL), Telemetry.noop());
  }

  @Test
  void settings_nothingConfigured_usesDefaults() {
    RedisSettings settings = RedisCacheProvider.settings(context(Map.of()));

    assertThat(settings.host()).isEqualTo("localhost");
    assertThat(settings.port()).isEqualTo(6379);
    assertThat(settings.tls()).isFalse();
    assertThat(settings.credentials()).isNull();
    assertThat(settings.poolMaxTotal()).isEqualTo(16);
    assertThat(settings.socketTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.configPrefix()).isEqualTo("plinth.cache.redis");
  }

  @Test
  void settings_separateKeys_overrideUrl() {
    RedisSettings settings =
        RedisCacheProvider.settings(
            context(
                Map.of(
                    "plinth.cache.redis.url", "redis://old:oldpw@redis.local:6380/4",
                    "plinth.cache.redis.user", "app",
                    "plinth.cache.redis.password", "newpw",
                    "plinth.cache.redis.tls", "true",
                    "plinth.cache.redis.pool.max-total", "32",
                    "plinth.cache.redis.timeout", "500ms")));

    RedisCredentials credentials = settings.credentials().get();
    assertThat(credentials.getUser()).isEqualTo("app");
    assertThat(new String(credentials.getPassword())).isEqualTo("newpw");
    assertThat(settings.address()).isEqualTo("redis.local:6380");
    assertThat(settings.database()).isEqualTo(4);
    assertThat(settings.tls()).isTrue();
    assertThat(settings.poolMaxTotal()).isEqualTo(32);
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.toString()).doesNotContain("newpw").doesNotContain("oldpw");
  }

  @Test
  void settings_redissScheme_enablesTls() {
    assertThat(
            RedisCacheProvider.settings(
                    context(Map.of("plinth.cache.redis.url", "rediss://cache.example:6380")))
                .tls())
        .isTrue();
  }

  @Test
  void settings_badPoolSize_namesKey() {
    assertThatThrownBy(
            () ->
                RedisCacheProvider.settings(
                    context(Map.of("plinth.cache.redis.pool.max-total", "0"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("plinth.cache.redis.pool.max-total");
  }

  @Test
  void settings_badTimeout_namesKey() {
    assertThatThrownBy(
            () ->
                RedisCacheProvider.settings(context(Map.of("plinth.cache.redis.timeout", "soon"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("plinth.cache.redis.timeout");
  }

  @Test
  void create_serverDown_startsWithHealthDownAndUnavailableCalls() {
    int port = FreePorts.find();
    Map<String, String> properties =
        Map.of(
            "plinth.cache.redis.url",
            "redis://127.0.0.1:" + port,
            "plinth.cache.redis.password",
            "never-shown");

    try (CacheDriver driver = new RedisCacheProvider().create(context(properties))) {
      assertThat(driver.health().state()).isEqualTo(Health.State.DOWN);
      assertThatThrownBy(() -> driver.get("k"))
          .isInstanceOf(ProviderUnavailableException.class)
          .hasMessageContaining("127.0.0.1:" + port)
          .hasMessageNotContaining("never-shown");
    }
  }
}
