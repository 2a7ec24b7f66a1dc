package dev.plinth.azure.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.error.ConfigurationException;
import dev.plinth.redis.RedisSettings;
import dev.plinth.spi.ProviderContext;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.telemetry.Telemetry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisCredentials;

/** Settings, their errors and how they reach the Jedis client; no server needed. */
class AzureRedisConfigTest {
  private static final String HOST = "myname.redis.cache.windows.net";
  private static final String ACCESS_KEY = "Zm9vYmFyYmF6-Secret-Access-Key=";

  static ProviderContext context(Map<String, String> properties) {
    return new ProviderContext("cache", new MapPlinthConfig(properties), Telemetry.noop());
  }

  private static AzureRedisConfig read(String... keyValues) {
    Map<String, String> properties = new HashMap<>();
    properties.put("plinth.cache.azure-redis.host", HOST);
    for (int i = 0; i < keyValues.length; i += 2) {
      properties.put("plinth.cache.azure-redis." + keyValues[i], keyValues[i + 1]);
    }
    return AzureRedisConfig.read(context(properties));
  }

  @Test
  void read_onlyHost_usesAzureDefaults() {
    AzureRedisConfig config = read();

    assertThat(config.host()).isEqualTo(HOST);
    assertThat(config.port()).isEqualTo(6380);
    assertThat(config.tls()).isTrue();
    assertThat(config.auth()).isEqualTo(AzureRedisAuth.ENTRA);
    assertThat(config.user()).isNull();
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.poolMaxTotal()).isEqualTo(16);
    assertThat(config.tokenRefreshRatio()).isEqualTo(0.75);
  }

  @Test
  void read_everySetting_isApplied() {
    AzureRedisConfig config =
        read(
            "port", "10000",
            "tls", "false",
            "auth", "ACCESS-KEY",
            "access-key", ACCESS_KEY,
            "user", "app",
            "timeout", "750ms",
            "pool.max-total", "4",
            "token-refresh-ratio", "0.5");

    assertThat(config.port()).isEqualTo(10000);
    assertThat(config.tls()).isFalse();
    assertThat(config.auth()).isEqualTo(AzureRedisAuth.ACCESS_KEY);
    assertThat(config.accessKey()).isEqualTo(ACCESS_KEY);
    assertThat(config.user()).isEqualTo("app");
    assertThat(config.timeout()).isEqualTo(Duration.ofMillis(750));
    assertThat(config.poolMaxTotal()).isEqualTo(4);
    assertThat(config.tokenRefreshRatio()).isEqualTo(0.5);
  }

  @Test
  void read_missingHost_namesEnvironmentVariableWithExample() {
    assertThatThrownBy(() -> AzureRedisConfig.read(context(Map.of())))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("plinth.cache.azure-redis.host")
        .hasMessageContaining("PLINTH_CACHE_AZURE_REDIS_HOST=myname.redis.cache.windows.net")
        .satisfies(
            e ->
                assertThat(((ConfigurationException) e).key())
                    .hasValue("plinth.cache.azure-redis.host"));
  }

  @Test
  void read_accessKeyModeWithoutKey_namesAccessKeyVariable() {
    assertThatThrownBy(() -> read("auth", "access-key"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("PLINTH_CACHE_AZURE_REDIS_ACCESS_KEY");
  }

  @Test
  void read_unknownAuth_listsModes() {
    assertThatThrownBy(() -> read("auth", "password"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("plinth.cache.azure-redis.auth")
        .hasMessageContaining("entra|access-key");
  }

  @Test
  void read_hostWithSchemeOrPort_explainsWhereTheyGo() {
    assertThatThrownBy(() -> read("host", "rediss://" + HOST + ":6380"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("bare host name")
        .hasMessageContaining("plinth.cache.azure-redis.port");
  }

  @Test
  void read_badValues_nameTheirKeys() {
    assertThatThrownBy(() -> read("port", "0")).hasMessageContaining("azure-redis.port");
    assertThatThrownBy(() -> read("port", "tls")).hasMessageContaining("azure-redis.port");
    assertThatThrownBy(() -> read("tls", "maybe")).hasMessageContaining("azure-redis.tls");
    assertThatThrownBy(() -> read("timeout", "0s")).hasMessageContaining("azure-redis.timeout");
    assertThatThrownBy(() -> read("pool.max-total", "0"))
        .hasMessageContaining("azure-redis.pool.max-total");
    for (String ratio : new String[] {"0", "1", "1.5", "-0.2", "most"}) {
      assertThatThrownBy(() -> read("token-refresh-ratio", ratio))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("azure-redis.token-refresh-ratio")
          .hasMessageContaining("e.g. 0.75");
    }
  }

  @Test
  void accessKey_neverInToStringOrErrors() {
    AzureRedisConfig config = read("auth", "access-key", "access-key", ACCESS_KEY);
    RedisSettings settings = config.toRedisSettings(() -> null);

    assertThat(config.toString()).contains(HOST).doesNotContain(ACCESS_KEY);
    assertThat(settings.toString()).doesNotContain(ACCESS_KEY);
  }

  @Test
  void clientConfig_tlsDefault_usesTlsWithHostNameVerification() {
    RedisSettings settings = read().toRedisSettings(null);

    DefaultJedisClientConfig client = AzureRedisConnections.clientConfig(settings, null);

    assertThat(settings.tls()).isTrue();
    assertThat(settings.address()).isEqualTo(HOST + ":6380");
    assertThat(settings.toString()).startsWith("RedisSettings{rediss://");
    assertThat(client.isSsl()).isTrue();
    assertThat(client.getSslParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
  }

  @Test
  void clientConfig_managedRedisPortWithoutTls_isPlain() {
    RedisSettings settings = read("port", "10000", "tls", "false").toRedisSettings(null);

    DefaultJedisClientConfig client = AzureRedisConnections.clientConfig(settings, null);

    assertThat(settings.port()).isEqualTo(10000);
    assertThat(client.isSsl()).isFalse();
    assertThat(client.getSslParameters()).isNull();
  }

  @Test
  void clientConfig_accessKey_sendsDefaultUserAndKey() {
    AzureRedisConfig config = read("auth", "access-key", "access-key", ACCESS_KEY);
    RedisSettings settings =
        config.toRedisSettings(
            () -> new redis.clients.jedis.DefaultRedisCredentials(null, config.accessKey()));

    RedisCredentials credentials =
        AzureRedisConnections.clientConfig(settings, null).getCredentialsProvider().get();

    assertThat(credentials.getUser()).isNull();
    assertThat(new String(credentials.getPassword())).isEqualTo(ACCESS_KEY);
  }
}
