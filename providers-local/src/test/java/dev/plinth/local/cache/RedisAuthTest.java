package dev.plinth.local.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.Health;
import dev.plinth.config.Profile;
import dev.plinth.error.ConfigurationException;
import dev.plinth.redis.RedisCacheDriver;
import dev.plinth.redis.RedisSettings;
import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.cache.CacheDriver;
import dev.plinth.telemetry.Telemetry;
import dev.plinth.testing.EmbeddedRedis;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A password-protected server. Rejected credentials are a {@link ConfigurationException} naming
 * {@code plinth.cache.redis.password}: retrying with the same settings cannot succeed.
 */
class RedisAuthTest {
  private static final String PASSWORD = "s3cr3t-Pa55word";
  private static EmbeddedRedis server;

  @BeforeAll
  static void startRedis() {
    server = EmbeddedRedis.start("requirepass " + PASSWORD);
  }

  @AfterAll
  static void stopRedis() {
    server.close();
  }

  private static ProviderContext context(Map<String, String> properties) {
    return new ProviderContext("cache", new MapConfig(properties, Profile.LOCAL), Telemetry.noop());
  }

  @Test
  void create_rightPasswordInUrl_works() {
    String url = "redis://:" + PASSWORD + "@127.0.0.1:" + server.port() + "/2";
    try (CacheDriver driver =
        new RedisCacheProvider().create(context(Map.of("plinth.cache.redis.url", url)))) {
      driver.put("auth:k", "v".getBytes(UTF_8), null);

      assertThat(driver.get("auth:k")).isEqualTo("v".getBytes(UTF_8));
      assertThat(driver.health().state()).isEqualTo(Health.State.UP);
    }
  }

  @Test
  void create_rightPasswordKey_works() {
    Map<String, String> properties =
        Map.of(
            "plinth.cache.redis.url",
            "redis://127.0.0.1:" + server.port(),
            "plinth.cache.redis.password",
            PASSWORD);
    try (CacheDriver driver = new RedisCacheProvider().create(context(properties))) {
      assertThat(driver.increment("auth:n", 1, null)).isPositive();
    }
  }

  @Test
  void create_wrongPassword_failsFastWithAuthMessage() {
    Map<String, String> properties =
        Map.of(
            "plinth.cache.redis.url",
            "redis://127.0.0.1:" + server.port(),
            "plinth.cache.redis.password",
            "wrong-password-123");

    assertThatThrownBy(() -> new RedisCacheProvider().create(context(properties)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("127.0.0.1:" + server.port())
        .hasMessageContaining("rejected the credentials")
        .hasMessageContaining("plinth.cache.redis.password")
        .hasMessageNotContaining("wrong-password-123")
        .hasMessageNotContaining(PASSWORD)
        .satisfies(
            e ->
                assertThat(((ConfigurationException) e).key())
                    .hasValue("plinth.cache.redis.password"));
  }

  @Test
  void create_missingPassword_failsFastWithAuthMessage() {
    Map<String, String> properties =
        Map.of("plinth.cache.redis.url", "redis://127.0.0.1:" + server.port());

    assertThatThrownBy(() -> new RedisCacheProvider().create(context(properties)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("NOAUTH")
        .hasMessageContaining("plinth.cache.redis.password");
  }

  @Test
  void driverOperations_wrongPassword_throwConfigurationExceptionAndHealthDown() {
    try (RedisCacheDriver driver =
        RedisCacheDriver.connect(
            RedisSettings.of("127.0.0.1", server.port()).withPassword(null, "nope-nope"))) {
      assertThatThrownBy(() -> driver.get("auth:k"))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageNotContaining("nope-nope");
      Health health = driver.health();
      assertThat(health.state()).isEqualTo(Health.State.DOWN);
      assertThat(health.detail()).contains("rejected the credentials").doesNotContain("nope-nope");
    }
  }
}
