package dev.plinth.local.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.Health;
import dev.plinth.config.Profile;
import dev.plinth.error.ConfigurationException;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.redis.RedisCacheDriver;
import dev.plinth.redis.RedisSettings;
import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.cache.CacheDriver;
import dev.plinth.telemetry.Telemetry;
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
 * TLS to {@code redis} through {@link TlsProxy}: a PKCS12 truststore works, and a certificate that
 * is untrusted or issued for another host name fails startup with a {@link ConfigurationException}
 * that says which setting to fix, not a generic connection failure.
 */
class RedisTlsTest {
  private static final String TRUSTSTORE = "plinth.cache.redis.truststore";
  private static final String STORE_PASSWORD = "Trust-Store-Pa55";

  @TempDir static Path certificates;
  private static SelfSignedCertificate localhostAndIp;
  private static SelfSignedCertificate localhostOnly;
  private static EmbeddedRedis redis;
  private static TlsProxy proxy;
  private static TlsProxy localhostOnlyProxy;

  @BeforeAll
  static void start() {
    localhostAndIp =
        SelfSignedCertificate.generate(certificates, "localhost-ip", "dns:localhost,ip:127.0.0.1");
    localhostOnly = SelfSignedCertificate.generate(certificates, "localhost", "dns:localhost");
    redis = EmbeddedRedis.start();
    proxy = TlsProxy.start(localhostAndIp.serverContext(), "127.0.0.1", redis.port());
    localhostOnlyProxy = TlsProxy.start(localhostOnly.serverContext(), "127.0.0.1", redis.port());
  }

  @AfterAll
  static void stop() {
    proxy.close();
    localhostOnlyProxy.close();
    redis.close();
  }

  private static ProviderContext context(String url, String... properties) {
    Map<String, String> values = new HashMap<>();
    values.put("plinth.cache.redis.url", url);
    for (int i = 0; i < properties.length; i += 2) {
      values.put(properties[i], properties[i + 1]);
    }
    return new ProviderContext("cache", new MapConfig(values, Profile.LOCAL), Telemetry.noop());
  }

  private static ProviderContext withTrustStore(Path store, String password) {
    return context(
        "rediss://localhost:" + proxy.port(),
        TRUSTSTORE,
        store.toString(),
        TRUSTSTORE + "-password",
        password);
  }

  @Test
  void create_pkcs12Truststore_worksOverTls() {
    Path store = localhostAndIp.trustStore("PKCS12", STORE_PASSWORD);
    ProviderContext context = withTrustStore(store, STORE_PASSWORD);

    try (CacheDriver driver = new RedisCacheProvider().create(context)) {
      driver.put("tls:k", "v".getBytes(UTF_8), null);

      assertThat(driver.get("tls:k")).isEqualTo("v".getBytes(UTF_8));
      assertThat(driver.health().state()).isEqualTo(Health.State.UP);
      assertThat(driver.toString()).contains("rediss://").doesNotContain(STORE_PASSWORD);
    }
  }

  @Test
  void create_noTruststore_failsAsUntrustedCertificateNamingTheKey() {
    ProviderContext context = context("rediss://localhost:" + proxy.port());

    assertThatThrownBy(() -> new RedisCacheProvider().create(context))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Redis at localhost:" + proxy.port())
        .hasMessageContaining("presented a TLS certificate that is not trusted")
        .hasMessageContaining("No truststore is set")
        .hasMessageContaining("set '" + TRUSTSTORE + "' to a PEM file")
        .satisfies(e -> assertThat(((ConfigurationException) e).key()).hasValue(TRUSTSTORE));
  }

  @Test
  void create_truststoreWithoutTheServersCa_failsNamingTheFile() {
    String otherCa = localhostOnly.pem().toString();
    ProviderContext context = context("rediss://localhost:" + proxy.port(), TRUSTSTORE, otherCa);

    assertThatThrownBy(() -> new RedisCacheProvider().create(context))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("not trusted")
        .hasMessageContaining("The truststore '" + otherCa + "' in '" + TRUSTSTORE + "'");
  }

  @Test
  void create_ipAddressMissingFromCertificate_failsAsHostNameMismatch() {
    String url = "rediss://127.0.0.1:" + localhostOnlyProxy.port();
    ProviderContext context = context(url, TRUSTSTORE, localhostOnly.pem().toString());

    assertThatThrownBy(() -> new RedisCacheProvider().create(context))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Redis at 127.0.0.1:" + localhostOnlyProxy.port())
        .hasMessageContaining("not issued for the host name '127.0.0.1'")
        .hasMessageContaining("127.0.0.1 found")
        .hasMessageContaining("host name verification cannot be turned off");
  }

  @Test
  void create_wrongTruststorePassword_failsWithoutEchoingIt() {
    Path store = localhostOnly.trustStore("JKS", STORE_PASSWORD);
    ProviderContext context = withTrustStore(store, "not-the-Pa55word");

    assertThatThrownBy(() -> new RedisCacheProvider().create(context))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(TRUSTSTORE + "-password")
        .hasMessageNotContaining("not-the-Pa55word")
        .hasMessageNotContaining(STORE_PASSWORD);
  }

  @Test
  void calls_tlsToAServerWithoutTls_failNamingTheTlsKey() {
    // A plain Redis reads the TLS hello as an inline command: it answers with an error (a
    // ConfigurationException at startup) if the hello's random bytes hold a newline, else it
    // waits for one (calls time out as unavailable, with a hint). Both name the key to check.
    ProviderContext context =
        context("rediss://localhost:" + redis.port(), "plinth.cache.redis.timeout", "500ms");

    assertThatThrownBy(
            () -> {
              try (CacheDriver driver = new RedisCacheProvider().create(context)) {
                driver.get("tls:k");
              }
            })
        .isInstanceOfAny(ConfigurationException.class, ProviderUnavailableException.class)
        .hasMessageContaining("Redis at localhost:" + redis.port())
        .hasMessageContaining("no TLS on this port")
        .hasMessageContaining("plinth.cache.redis.tls");
  }

  @Test
  void driverCalls_untrustedCertificate_throwConfigurationExceptionAndHealthDown() {
    RedisSettings tls = RedisCacheProvider.settings(context("rediss://localhost:" + proxy.port()));

    try (RedisCacheDriver driver = RedisCacheDriver.connect(tls)) {
      assertThatThrownBy(() -> driver.get("tls:k"))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("not trusted during get");
      Health health = driver.health();
      assertThat(health.state()).isEqualTo(Health.State.DOWN);
      assertThat(health.detail()).contains("not trusted during health check");
    }
  }
}
