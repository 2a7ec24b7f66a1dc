package dev.plinth.redis;

import java.time.Duration;
import java.util.function.Consumer;
import javax.net.ssl.SSLParameters;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/** Opens pooled Jedis clients from {@link RedisSettings}. */
public final class RedisConnections {

  private RedisConnections() {}

  /**
   * Opens a connection pool. No connection is made until the first command, so this does not fail
   * when the server is down.
   *
   * @param settings where and how to connect
   * @return the pooled client; close it to release its connections
   */
  public static JedisPooled open(RedisSettings settings) {
    return open(settings, client -> {});
  }

  /**
   * Opens a connection pool whose client configuration a provider may extend (for example with a
   * Jedis {@code AuthXManager} that renews Entra tokens).
   *
   * @param settings where and how to connect
   * @param customizer applied to the client configuration after the common settings
   * @return the pooled client; close it to release its connections
   */
  public static JedisPooled open(
      RedisSettings settings, Consumer<DefaultJedisClientConfig.Builder> customizer) {
    return new JedisPooled(
        new HostAndPort(settings.host(), settings.port()),
        clientConfig(settings, customizer),
        poolConfig(settings));
  }

  /**
   * Builds the client configuration: timeouts, database, TLS with host name verification (trusting
   * the settings' truststore, if any), and credentials.
   *
   * @param settings where and how to connect
   * @param customizer applied last
   * @return the configuration
   */
  public static DefaultJedisClientConfig clientConfig(
      RedisSettings settings, Consumer<DefaultJedisClientConfig.Builder> customizer) {
    DefaultJedisClientConfig.Builder client =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(millis(settings.connectTimeout()))
            .socketTimeoutMillis(millis(settings.socketTimeout()))
            .database(settings.database())
            .ssl(settings.tls())
            .clientName("plinth");
    if (settings.tls()) {
      // Without this, JSSE checks the certificate chain but not that it was issued for the host.
      SSLParameters tls = new SSLParameters();
      tls.setEndpointIdentificationAlgorithm("HTTPS");
      client.sslParameters(tls);
      if (settings.trust() != null) {
        // A private CA or self-signed server: trust the truststore instead of the JVM's CAs.
        client.sslSocketFactory(settings.trust().socketFactory());
      }
    }
    if (settings.credentials() != null) {
      client.credentialsProvider(settings.credentials());
    }
    customizer.accept(client);
    return client.build();
  }

  private static GenericObjectPoolConfig<Connection> poolConfig(RedisSettings settings) {
    GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
    pool.setMaxTotal(settings.poolMaxTotal());
    pool.setMaxIdle(settings.poolMaxIdle());
    pool.setMinIdle(settings.poolMinIdle());
    // Waiting for a free connection is bounded like a reply, so an exhausted pool surfaces as
    // ProviderUnavailableException instead of a hung caller.
    pool.setMaxWait(settings.socketTimeout());
    pool.setBlockWhenExhausted(true);
    pool.setJmxEnabled(false);
    return pool;
  }

  private static int millis(Duration duration) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
  }
}
