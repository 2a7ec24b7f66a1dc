package dev.plinth.azure.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.Health;
import dev.plinth.error.ConfigurationException;
import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.cache.CacheDriver;
import dev.plinth.testing.EmbeddedRedis;
import dev.plinth.testing.SelfSignedCertificate;
import dev.plinth.testing.TlsProxy;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code azure-redis} with {@code tls=true} (the default) and {@code auth=access-key} over real
 * TLS: a {@link TlsProxy} with a self-signed certificate for {@code localhost} in front of the
 * password-protected embedded Redis, trusted through {@code plinth.cache.azure-redis.truststore}.
 */
class AzureRedisTlsTest {
  private static final String ACCESS_KEY = "tls-Access-Key-0123456789=";
  private static final String TRUSTSTORE = "plinth.cache.azure-redis.truststore";

  @TempDir static Path certificates;
  private static SelfSignedCertificate certificate;
  private static EmbeddedRedis redis;
  private static TlsProxy proxy;

  @BeforeAll
  static void start() {
    certificate =
        SelfSignedCertificate.generate(certificates, "localhost", "dns:localhost,ip:127.0.0.1");
    redis = EmbeddedRedis.start("requirepass " + ACCESS_KEY);
    proxy = TlsProxy.start(certificate.serverContext(), "127.0.0.1", redis.port());
  }

  @AfterAll
  static void stop() {
    proxy.close();
    redis.close();
  }

  private static ProviderContext context(String accessKey, String... keyValues) {
    Map<String, String> properties = new HashMap<>();
    properties.put("plinth.cache.azure-redis.host", "localhost");
    properties.put("plinth.cache.azure-redis.port", Integer.toString(proxy.port()));
    properties.put("plinth.cache.azure-redis.auth", "access-key");
    properties.put("plinth.cache.azure-redis.access-key", accessKey);
    for (int i = 0; i < keyValues.length; i += 2) {
      properties.put(keyValues[i], keyValues[i + 1]);
    }
    return AzureRedisConfigTest.context(properties);
  }

  @Test
  void create_accessKeyOverTls_worksWithHostNameVerification() {
    ProviderContext context = context(ACCESS_KEY, TRUSTSTORE, certificate.pem().toString());

    try (CacheDriver driver = new AzureRedisCacheProvider().create(context)) {
      driver.put("tls:k", "v".getBytes(UTF_8), null);

      assertThat(driver.get("tls:k")).isEqualTo("v".getBytes(UTF_8));
      assertThat(driver.health().state()).isEqualTo(Health.State.UP);
      assertThat(proxy.handshakes()).isPositive();
      assertThat(driver.toString()).contains("rediss://localhost").doesNotContain(ACCESS_KEY);
    }
  }

  @Test
  void create_wrongKeyOverTls_failsNamingAccessKey() {
    ProviderContext context =
        context("wrong-Access-Key-000=", TRUSTSTORE, certificate.pem().toString());

    assertThatThrownBy(() -> new AzureRedisCacheProvider().create(context))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("rejected the access key")
        .hasMessageNotContaining("wrong-Access-Key-000=")
        .hasMessageNotContaining(ACCESS_KEY);
  }

  @Test
  void create_noTruststore_failsAsUntrustedCertificateNamingAzureKey() {
    assertThatThrownBy(() -> new AzureRedisCacheProvider().create(context(ACCESS_KEY)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Redis at localhost:" + proxy.port())
        .hasMessageContaining("presented a TLS certificate that is not trusted")
        .hasMessageContaining("set '" + TRUSTSTORE + "' to a PEM file")
        .hasMessageNotContaining("access key")
        .hasMessageNotContaining(ACCESS_KEY)
        .satisfies(e -> assertThat(((ConfigurationException) e).key()).hasValue(TRUSTSTORE));
  }

  @Test
  void read_truststoreWithTlsOff_failsNamingTheKey() {
    ProviderContext context =
        context(
            ACCESS_KEY,
            TRUSTSTORE,
            certificate.pem().toString(),
            "plinth.cache.azure-redis.tls",
            "false");

    assertThatThrownBy(() -> AzureRedisConfig.read(context))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'" + TRUSTSTORE + "' is set but TLS is off");
  }

  @Test
  void read_truststore_isShownByPathOnly() {
    ProviderContext context =
        context(
            ACCESS_KEY,
            TRUSTSTORE,
            certificate.pem().toString(),
            TRUSTSTORE + "-password",
            "ignored-for-Pem-Pa55");

    AzureRedisConfig config = AzureRedisConfig.read(context);

    assertThat(config.trust().source()).isEqualTo(certificate.pem().toString());
    assertThat(config.toString())
        .contains("truststore=" + certificate.pem())
        .doesNotContain("ignored-for-Pem-Pa55");
  }
}
