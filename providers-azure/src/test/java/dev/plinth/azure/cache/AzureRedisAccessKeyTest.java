package dev.plinth.azure.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.Health;
import dev.plinth.error.ConfigurationException;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.cache.CacheDriver;
import dev.plinth.testing.EmbeddedRedis;
import dev.plinth.testing.FreePorts;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code auth=access-key} against a password-protected local Redis (no TLS: see EmbeddedRedis). */
class AzureRedisAccessKeyTest {
  private static final String ACCESS_KEY = "right-Access-Key-9876543210=";
  private static final String WRONG_KEY = "wrong-Access-Key-0000000000=";
  private static EmbeddedRedis server;

  @BeforeAll
  static void startRedis() {
    server = EmbeddedRedis.start("requirepass " + ACCESS_KEY);
  }

  @AfterAll
  static void stopRedis() {
    server.close();
  }

  private static ProviderContext context(int port, String accessKey) {
    return AzureRedisConfigTest.context(
        Map.of(
            "plinth.cache.azure-redis.host", "127.0.0.1",
            "plinth.cache.azure-redis.port", Integer.toString(port),
            "plinth.cache.azure-redis.tls", "false",
            "plinth.cache.azure-redis.auth", "access-key",
            "plinth.cache.azure-redis.access-key", accessKey,
            "plinth.cache.azure-redis.timeout", "1s"));
  }

  @Test
  void create_rightKey_worksAndHealthIsUp() {
    try (CacheDriver driver =
        new AzureRedisCacheProvider().create(context(server.port(), ACCESS_KEY))) {
      driver.put("ak:k", "v".getBytes(UTF_8), null);

      assertThat(driver.get("ak:k")).isEqualTo("v".getBytes(UTF_8));
      Health health = driver.health();
      assertThat(health.state()).isEqualTo(Health.State.UP);
      assertThat(health.detail()).contains("127.0.0.1:" + server.port());
      assertThat(driver.toString()).doesNotContain(ACCESS_KEY);
    }
  }

  @Test
  void create_wrongKey_failsFastNamingAccessKeyWithoutEchoingEitherKey() {
    assertThatThrownBy(
            () -> new AzureRedisCacheProvider().create(context(server.port(), WRONG_KEY)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("rejected the access key")
        .hasMessageContaining("PLINTH_CACHE_AZURE_REDIS_ACCESS_KEY")
        .hasMessageNotContaining(WRONG_KEY)
        .hasMessageNotContaining(ACCESS_KEY)
        .satisfies(
            e ->
                assertThat(((ConfigurationException) e).key())
                    .hasValue("plinth.cache.azure-redis.access-key"));
  }

  @Test
  void create_serverDown_startsWithHealthDownAndUnavailableCalls() {
    int port = FreePorts.find();

    try (CacheDriver driver = new AzureRedisCacheProvider().create(context(port, ACCESS_KEY))) {
      Health health = driver.health();
      assertThat(health.state()).isEqualTo(Health.State.DOWN);
      assertThat(health.detail()).doesNotContain(ACCESS_KEY);
      assertThatThrownBy(() -> driver.get("k"))
          .isInstanceOf(ProviderUnavailableException.class)
          .hasMessageContaining("127.0.0.1:" + port)
          .hasMessageNotContaining(ACCESS_KEY);
    }
  }
}
