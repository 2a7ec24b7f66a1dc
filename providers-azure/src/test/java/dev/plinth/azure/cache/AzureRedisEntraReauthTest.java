package dev.plinth.azure.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.plinth.Health;
import dev.plinth.error.ConfigurationException;
import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.cache.CacheDriver;
import dev.plinth.testing.EmbeddedRedis;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Entra token auth against a local Redis whose ACL user password is rotated to every newly minted
 * token (see {@link RotatingTokenSource}). Tokens live one second, so several lifetimes pass within
 * a few seconds of real time.
 */
class AzureRedisEntraReauthTest {
  private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();
  private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(1);
  private static final Pattern AUTH_STATS =
      Pattern.compile("cmdstat_auth:calls=(\\d+),.*failed_calls=(\\d+)");

  private static EmbeddedRedis server;
  private static Jedis admin;

  @BeforeAll
  static void startRedis() {
    server = EmbeddedRedis.start("requirepass " + ADMIN_PASSWORD);
    admin = new Jedis("127.0.0.1", server.port());
    admin.auth(ADMIN_PASSWORD);
  }

  @AfterAll
  static void stopRedis() {
    admin.close();
    server.close();
  }

  private static ProviderContext context(String... keyValues) {
    Map<String, String> properties = new HashMap<>();
    properties.put("plinth.cache.azure-redis.host", "127.0.0.1");
    properties.put("plinth.cache.azure-redis.port", Integer.toString(server.port()));
    properties.put("plinth.cache.azure-redis.tls", "false");
    for (int i = 0; i < keyValues.length; i += 2) {
      properties.put("plinth.cache.azure-redis." + keyValues[i], keyValues[i + 1]);
    }
    return AzureRedisConfigTest.context(properties);
  }

  /** AUTH calls and failed AUTH calls the server has seen. */
  private static long[] authStats() {
    String info;
    synchronized (admin) {
      info = admin.info("commandstats");
    }
    Matcher m = AUTH_STATS.matcher(info);
    return m.find()
        ? new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))}
        : new long[] {0, 0};
  }

  private static boolean roundTrip(CacheDriver driver, String key) {
    byte[] value = UUID.randomUUID().toString().getBytes(UTF_8);
    driver.put(key, value, Duration.ofMinutes(1));
    assertThat(driver.get(key)).isEqualTo(value);
    return true;
  }

  @Test
  void cacheOperations_spanSeveralTokenLifetimes_keepSucceedingAndReauthenticate() {
    String objectId = "oid-" + UUID.randomUUID();
    RotatingTokenSource tokens = new RotatingTokenSource(admin, objectId, TOKEN_LIFETIME);
    long[] before = authStats();

    try (CacheDriver driver =
        new AzureRedisCacheProvider(() -> tokens).create(context("pool.max-total", "2"))) {
      // Sequential calls keep to one pooled connection, so every AUTH after its first is a
      // re-authentication of that live connection with a renewed token.
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> roundTrip(driver, "reauth:k") && tokens.minted() >= 5);
      assertThat(driver.increment("reauth:n", 1, null)).isEqualTo(1);
      assertThat(driver.health().state()).isEqualTo(Health.State.UP);

      long[] after = authStats();
      assertThat(after[1] - before[1]).as("failed AUTH calls").isZero();
      assertThat(after[0] - before[0]).as("AUTH calls").isGreaterThanOrEqualTo(tokens.minted() - 1);
    }

    int mintedAtClose = tokens.minted();
    await()
        .during(Duration.ofMillis(1200))
        .atMost(Duration.ofSeconds(3))
        .until(() -> tokens.minted() == mintedAtClose);
  }

  @Test
  void newConnections_afterRotation_useTheNewestToken() {
    String objectId = "oid-" + UUID.randomUUID();
    RotatingTokenSource tokens = new RotatingTokenSource(admin, objectId, TOKEN_LIFETIME);

    try (CacheDriver driver = new AzureRedisCacheProvider(() -> tokens).create(context())) {
      await().atMost(Duration.ofSeconds(30)).until(() -> tokens.minted() >= 3);
      // Drop every pooled connection: the next call must connect with the current token.
      ((JedisPooled) driver.nativeClient()).getPool().clear();

      assertThat(roundTrip(driver, "fresh:k")).isTrue();
    }
    try (Jedis stale = new Jedis("127.0.0.1", server.port())) {
      assertThatThrownBy(() -> stale.auth(objectId, tokens.firstToken()))
          .as("the server really stopped accepting the first token")
          .isInstanceOf(JedisDataException.class)
          .hasMessageContaining("WRONGPASS");
    }
  }

  @Test
  void create_configuredUser_overridesOidClaim() {
    String objectId = "configured-" + UUID.randomUUID();
    RotatingTokenSource tokens = new RotatingTokenSource(admin, objectId, Duration.ofHours(1));

    try (CacheDriver driver =
        new AzureRedisCacheProvider(() -> tokens).create(context("user", objectId))) {
      assertThat(roundTrip(driver, "user:k")).isTrue();
    }
  }

  @Test
  void create_tokenRejected_failsFastNamingUserWithoutToken() {
    String token = "eyJhbGciOiJub25lIn0.eyJvaWQiOiJub2JvZHkifQ.";
    EntraTokenSource unknownIdentity =
        () ->
            new com.azure.core.credential.AccessToken(
                token, java.time.OffsetDateTime.now().plusHours(1));

    assertThatThrownBy(() -> new AzureRedisCacheProvider(() -> unknownIdentity).create(context()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("rejected the Entra token")
        .hasMessageContaining("data access policy")
        .hasMessageNotContaining(token)
        .satisfies(
            e ->
                assertThat(((ConfigurationException) e).key())
                    .hasValue("plinth.cache.azure-redis.user"));
  }

  @Test
  void create_noToken_failsFastExplainingIdentityOptions() {
    EntraTokenSource unavailable =
        () -> {
          throw new IllegalStateException("EnvironmentCredential authentication unavailable");
        };

    assertThatThrownBy(
            () ->
                new AzureRedisCacheProvider(() -> unavailable).create(context("timeout", "500ms")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("could not get a Microsoft Entra token")
        .hasMessageContaining("EnvironmentCredential authentication unavailable")
        .hasMessageContaining("PLINTH_CACHE_AZURE_REDIS_AUTH=access-key");
  }

  @Test
  void create_tokenWithoutOid_namesUserSetting() {
    EntraTokenSource opaque =
        () ->
            new com.azure.core.credential.AccessToken(
                "opaque-token-value", java.time.OffsetDateTime.now().plusHours(1));

    assertThatThrownBy(() -> new AzureRedisCacheProvider(() -> opaque).create(context()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("PLINTH_CACHE_AZURE_REDIS_USER")
        .hasMessageNotContaining("opaque-token-value");
  }
}
