package dev.plinth.redis;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import redis.clients.jedis.DefaultRedisCredentials;
import redis.clients.jedis.RedisCredentials;

/**
 * How to reach one Redis server. Shared by the {@code redis} provider and cloud variants such as
 * {@code azure-redis}, which pass a credentials supplier that returns fresh tokens.
 *
 * @param host the host name or address
 * @param port the TCP port
 * @param tls true to connect with TLS
 * @param database the database index
 * @param credentials asked for user and password on every new connection, or null for none
 * @param poolMaxTotal the most connections open at once
 * @param poolMaxIdle the most idle connections kept
 * @param poolMinIdle the idle connections kept warm
 * @param connectTimeout how long to wait for a TCP connection
 * @param socketTimeout how long to wait for a reply, and for a free pooled connection
 * @param keys the provider's configuration keys, named in error messages
 * @param trust the certificates TLS connections trust, or null for the JVM's default trust store
 */
public record RedisSettings(
    String host,
    int port,
    boolean tls,
    int database,
    Supplier<RedisCredentials> credentials,
    int poolMaxTotal,
    int poolMaxIdle,
    int poolMinIdle,
    Duration connectTimeout,
    Duration socketTimeout,
    RedisKeys keys,
    RedisTrust trust) {

  /** Default pool size. */
  public static final int DEFAULT_POOL_MAX_TOTAL = 16;

  /** Default connect and socket timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  /**
   * Validates the settings.
   *
   * @param host the host
   * @param port the port
   * @param tls TLS on or off
   * @param database the database index
   * @param credentials the credentials supplier, or null
   * @param poolMaxTotal the pool size
   * @param poolMaxIdle the idle maximum
   * @param poolMinIdle the idle minimum
   * @param connectTimeout the connect timeout
   * @param socketTimeout the socket timeout
   * @param keys the configuration keys
   * @param trust the TLS trust, or null
   */
  public RedisSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(socketTimeout, "socketTimeout");
    Objects.requireNonNull(keys, "keys");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1..65535: " + port);
    }
    if (poolMaxTotal < 1 || poolMaxIdle < 0 || poolMinIdle < 0 || poolMinIdle > poolMaxIdle) {
      throw new IllegalArgumentException(
          "pool sizes must satisfy 0 <= minIdle <= maxIdle, total > 0");
    }
  }

  /**
   * Returns settings for a host and port with defaults: no TLS, database 0, no credentials, a pool
   * of 16 and 2 s timeouts.
   *
   * @param host the host
   * @param port the port
   * @return the settings
   */
  public static RedisSettings of(String host, int port) {
    return new RedisSettings(
        host,
        port,
        false,
        0,
        null,
        DEFAULT_POOL_MAX_TOTAL,
        DEFAULT_POOL_MAX_TOTAL,
        0,
        DEFAULT_TIMEOUT,
        DEFAULT_TIMEOUT,
        RedisKeys.urlStyle("plinth.cache.redis"),
        null);
  }

  /**
   * Returns a copy that authenticates with a fixed user and password.
   *
   * @param user the ACL user, or null for the default user
   * @param password the password
   * @return the new settings
   */
  public RedisSettings withPassword(String user, String password) {
    RedisCredentials fixed = new DefaultRedisCredentials(user, password);
    return withCredentials(() -> fixed);
  }

  /**
   * Returns a copy with a credentials supplier (called for every new connection).
   *
   * @param supplier the supplier, or null for none
   * @return the new settings
   */
  public RedisSettings withCredentials(Supplier<RedisCredentials> supplier) {
    return copy(supplier, trust);
  }

  /**
   * Returns a copy whose TLS connections trust a truststore's certificates instead of the JVM's
   * default ones.
   *
   * @param newTrust the trust, or null for the JVM's default trust store
   * @return the new settings
   */
  public RedisSettings withTrust(RedisTrust newTrust) {
    return copy(credentials, newTrust);
  }

  private RedisSettings copy(Supplier<RedisCredentials> newCredentials, RedisTrust newTrust) {
    return new RedisSettings(
        host,
        port,
        tls,
        database,
        newCredentials,
        poolMaxTotal,
        poolMaxIdle,
        poolMinIdle,
        connectTimeout,
        socketTimeout,
        keys,
        newTrust);
  }

  /**
   * Returns the provider's configuration prefix, e.g. {@code plinth.cache.redis}.
   *
   * @return the prefix
   */
  public String configPrefix() {
    return keys.prefix();
  }

  /**
   * Returns {@code host:port}, for messages.
   *
   * @return the address
   */
  public String address() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    return "RedisSettings{"
        + (tls ? "rediss://" : "redis://")
        + address()
        + "/"
        + database
        + (trust == null ? "" : ", truststore=" + trust.source())
        + ", auth="
        + (credentials != null)
        + ", pool="
        + poolMaxTotal
        + ", connectTimeout="
        + connectTimeout
        + ", socketTimeout="
        + socketTimeout
        + '}';
  }
}
