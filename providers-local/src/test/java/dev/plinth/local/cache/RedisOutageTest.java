package dev.plinth.local.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.plinth.Health;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.redis.RedisCacheDriver;
import dev.plinth.redis.RedisSettings;
import dev.plinth.testing.EmbeddedRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Needs to stop and restart the server, so it always runs an embedded Redis. */
class RedisOutageTest {
  private static final String PASSWORD = "outage-secret-pw";
  private static EmbeddedRedis server;
  private static RedisCacheDriver driver;

  @BeforeAll
  static void startRedis() {
    server = EmbeddedRedis.start("requirepass " + PASSWORD);
    driver =
        RedisCacheDriver.connect(
            RedisSettings.of("127.0.0.1", server.port()).withPassword(null, PASSWORD));
  }

  @AfterAll
  static void stopRedis() {
    driver.close();
    server.close();
  }

  @Test
  void operations_serverStoppedThenRestarted_failClearlyThenRecover() {
    driver.put("outage:before", "v".getBytes(UTF_8), null);
    assertThat(driver.health().state()).isEqualTo(Health.State.UP);

    server.stop();

    assertUnavailable(() -> driver.get("outage:k"));
    assertUnavailable(() -> driver.put("outage:k", new byte[1], Duration.ofMinutes(1)));
    assertUnavailable(() -> driver.increment("outage:n", 1, null));
    assertUnavailable(() -> driver.getAll(List.of("outage:a", "outage:b")));
    assertUnavailable(() -> driver.putAll(Map.of("outage:a", new byte[1]), null));
    assertUnavailable(() -> driver.deleteByPrefix("outage:"));
    assertUnavailable(() -> driver.tryLease("outage:lease", Duration.ofSeconds(5)));
    Health down = driver.health();
    assertThat(down.state()).isEqualTo(Health.State.DOWN);
    assertThat(down.detail())
        .contains("127.0.0.1:" + server.port())
        .contains("plinth.cache.redis.url")
        .doesNotContain(PASSWORD);

    server.restart();

    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreException(ProviderUnavailableException.class)
        .until(() -> driver.putIfAbsent("outage:after", "v".getBytes(UTF_8), null));
    assertThat(driver.get("outage:after")).isEqualTo("v".getBytes(UTF_8));
    assertThat(driver.health().state()).isEqualTo(Health.State.UP);
  }

  private static void assertUnavailable(Runnable call) {
    long start = System.nanoTime();
    assertThatThrownBy(call::run)
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("Redis at 127.0.0.1:" + server.port() + " is unreachable")
        .hasMessageContaining("plinth.cache.redis.url")
        .hasMessageNotContaining(PASSWORD)
        .satisfies(e -> assertThat(((ProviderUnavailableException) e).isRetryable()).isTrue());
    // "quickly": well under the 2 s timeout would be nice, but only a hang is a failure here.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }
}
