package dev.plinth.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.error.ConfigurationException;
import dev.plinth.error.PlinthException;
import dev.plinth.error.ProviderUnavailableException;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * The two ways a TLS client meets a Redis without TLS, shaped as Jedis throws them (the end-to-end
 * certificate cases run against a real TLS proxy in the provider modules).
 */
class RedisTlsErrorsTest {
  private static final RedisSettings PLAIN = RedisSettings.of("cache.local", 6379);
  private static final RedisSettings TLS =
      new RedisSettings(
          "cache.local",
          6380,
          true,
          0,
          null,
          16,
          16,
          0,
          RedisSettings.DEFAULT_TIMEOUT,
          RedisSettings.DEFAULT_TIMEOUT,
          RedisKeys.urlStyle("plinth.cache.redis"),
          null);

  @Test
  void translate_plainReplyToTheTlsHello_isConfigurationNamingTls() {
    JedisConnectionException e =
        new JedisConnectionException(new SSLException("Unsupported or unrecognized SSL message"));

    PlinthException translated = new RedisErrors(TLS).translate("ping", e);

    assertThat(translated)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Redis at cache.local:6380 answered the TLS handshake without TLS")
        .hasMessageContaining("'plinth.cache.redis.tls=false'");
    assertThat(((ConfigurationException) translated).key()).hasValue("plinth.cache.redis.tls");
  }

  @Test
  void translate_timeoutWithTls_isUnavailableWithATlsHint() {
    JedisConnectionException e =
        new JedisConnectionException(new SocketTimeoutException("Read timed out"));

    assertThat(new RedisErrors(TLS).translate("get", e))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("check plinth.cache.redis.tls");
    assertThat(new RedisErrors(PLAIN).translate("get", e))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageNotContaining("TLS");
  }
}
