package dev.plinth.redis;

import java.time.Duration;
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
    DefaultJedisClientConfig.Builder client =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(millis(settings.connectTimeout()))
            .socketTimeoutMillis(millis(settings.socketTimeout()))
            .database(settings.database())
            .ssl(settings.tls())
            .clientName("plinth");
    if (settings.credentials() != null) {
      client.credentialsProvider(settings.credentials());
    }
    return new JedisPooled(
        new HostAndPort(settings.host(), settings.port()), client.build(), poolConfig(settings));
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
