package dev.plinth.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.config.PlinthConfig;
import dev.plinth.error.ConfigurationException;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.testing.SelfSignedCertificate;
import dev.plinth.testing.TlsProxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading {@code <prefix>.truststore}: each accepted format really trusts the server certificate in
 * a TLS handshake with {@link TlsProxy}; every unusable file is a {@link ConfigurationException}
 * naming the key and never the password.
 */
class RedisTrustTest {
  private static final String KEY = "plinth.cache.redis.truststore";
  private static final String STORE_PASSWORD = "Trust-Store-Pa55";

  @TempDir static Path dir;
  private static SelfSignedCertificate server;
  private static SelfSignedCertificate other;
  private static TlsProxy proxy;

  @BeforeAll
  static void start() {
    server = SelfSignedCertificate.generate(dir, "server", "dns:localhost,ip:127.0.0.1");
    other = SelfSignedCertificate.generate(dir, "other", "dns:localhost");
    // Nothing listens upstream: only the handshake matters here.
    proxy = TlsProxy.start(server.serverContext(), "127.0.0.1", 1);
  }

  @AfterAll
  static void stop() {
    proxy.close();
  }

  @Test
  void load_pem_trustsTheServerCertificate() {
    assertHandshakeSucceeds(TrustStoreLoader.load(KEY, server.pem().toString(), null));
  }

  @Test
  void load_pemWithSeveralCertificates_trustsEachOfThem() throws IOException {
    Path bundle = dir.resolve("bundle.pem");
    Files.writeString(
        bundle, Files.readString(other.pem()) + "\n" + Files.readString(server.pem()));

    assertHandshakeSucceeds(TrustStoreLoader.load(KEY, bundle.toString(), null));
  }

  @Test
  void load_pkcs12AndJks_trustTheServerCertificate() {
    for (String type : new String[] {"PKCS12", "JKS"}) {
      Path store = server.trustStore(type, STORE_PASSWORD);

      assertHandshakeSucceeds(TrustStoreLoader.load(KEY, store.toString(), STORE_PASSWORD));
    }
  }

  @Test
  void load_pemOfAnotherCertificate_handshakeFailsAsUntrusted() {
    SSLSocketFactory factory = TrustStoreLoader.load(KEY, other.pem().toString(), null);

    assertThatThrownBy(() -> handshake(factory)).isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void load_missingFile_namesKeyAndWhatToDo() {
    String missing = dir.resolve("missing.pem").toString();

    assertThatThrownBy(() -> TrustStoreLoader.load(KEY, missing, null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(missing)
        .hasMessageContaining("does not exist")
        .hasMessageContaining("PEM file with the CA certificate")
        .satisfies(e -> assertThat(((ConfigurationException) e).key()).hasValue(KEY));
  }

  @Test
  void load_wrongPassword_namesPasswordKeyWithoutEchoingIt() {
    Path store = other.trustStore("PKCS12", STORE_PASSWORD);

    assertThatThrownBy(() -> TrustStoreLoader.load(KEY, store.toString(), "wrong-Pa55word"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("the password in '" + KEY + "-password' does not open it")
        .hasMessageNotContaining("wrong-Pa55word")
        .hasMessageNotContaining(STORE_PASSWORD);
  }

  @Test
  void load_notACertificate_isRejected() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.txt"), "not a certificate");
    Path keyOnly =
        Files.writeString(
            dir.resolve("key.pem"),
            "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

    assertThatThrownBy(() -> TrustStoreLoader.load(KEY, text.toString(), null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("neither PEM nor a PKCS12/JKS keystore");
    assertThatThrownBy(() -> TrustStoreLoader.load(KEY, keyOnly.toString(), null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("holds no '-----BEGIN CERTIFICATE-----' block");
  }

  @Test
  void fromConfig_unset_usesTheJvmDefaultTrust() {
    assertThat(RedisTrust.fromConfig(new MapPlinthConfig(Map.of()), "plinth.cache.redis", true))
        .isNull();
  }

  @Test
  void fromConfig_set_loadsItAndShowsOnlyThePath() {
    RedisTrust trust =
        RedisTrust.fromConfig(
            new MapPlinthConfig(Map.of(KEY, server.pem().toString())), "plinth.cache.redis", true);

    assertThat(trust.source()).isEqualTo(server.pem().toString());
    assertThat(RedisSettings.of("localhost", 6380).withTrust(trust).toString())
        .contains("truststore=" + server.pem());
  }

  @Test
  void fromConfig_setWithTlsOff_failsNamingTheKey() {
    PlinthConfig config = new MapPlinthConfig(Map.of(KEY, server.pem().toString()));

    assertThatThrownBy(() -> RedisTrust.fromConfig(config, "plinth.cache.redis", false))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("TLS is off")
        .hasMessageContaining("plinth.cache.redis.tls=true");
  }

  private static void assertHandshakeSucceeds(SSLSocketFactory factory) {
    assertThatCode(() -> handshake(factory)).doesNotThrowAnyException();
  }

  private static void handshake(SSLSocketFactory factory) throws IOException {
    try (SSLSocket socket = (SSLSocket) factory.createSocket("localhost", proxy.port())) {
      socket.startHandshake();
    }
  }
}
