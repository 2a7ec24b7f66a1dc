package dev.plinth.local.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.cache.Cache;
import dev.plinth.core.Platform;
import dev.plinth.tck.CacheContract;
import dev.plinth.testing.EmbeddedRedis;
import dev.plinth.testing.SelfSignedCertificate;
import dev.plinth.testing.TlsProxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the cache contract against the {@code redis} provider over real TLS: {@code
 * rediss://localhost} to a {@link TlsProxy} presenting a self-signed certificate, trusted through
 * {@code plinth.cache.redis.truststore} (PEM), with host name verification on, in front of the
 * plain embedded Redis.
 */
class RedisTlsContractTest extends CacheContract {
  @TempDir static Path certificates;
  private static EmbeddedRedis redis;
  private static TlsProxy proxy;
  private static Platform platform;

  @BeforeAll
  static void start() {
    SelfSignedCertificate certificate =
        SelfSignedCertificate.generate(certificates, "localhost", "dns:localhost,ip:127.0.0.1");
    redis = EmbeddedRedis.start();
    proxy = TlsProxy.start(certificate.serverContext(), "127.0.0.1", redis.port());
    platform =
        RedisTestBackend.cachePlatform(
            "rediss://localhost:" + proxy.port(),
            Map.of(
                "plinth.cache.redis.truststore",
                certificate.pem().toString(),
                "plinth.cache.distributed-single-flight",
                "true"));
  }

  @AfterAll
  static void stop() {
    platform.close();
    proxy.close();
    redis.close();
  }

  @Override
  protected Cache cache() {
    return platform.cache();
  }

  @Test
  void connections_goThroughTheTlsProxy() {
    cache().put(key("tls"), "v".getBytes(StandardCharsets.UTF_8), null);

    assertThat(proxy.handshakes()).isPositive();
  }
}
