package dev.plinth.azure.cache;

import dev.plinth.config.PlinthConfig;
import dev.plinth.redis.RedisKeys;
import dev.plinth.redis.RedisSettings;
import dev.plinth.redis.RedisTrust;
import dev.plinth.spi.ProviderContext;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import redis.clients.jedis.RedisCredentials;

/**
 * The settings of the {@code azure-redis} provider, read from {@code plinth.cache.azure-redis.*}.
 * {@link #toString()} never shows the access key.
 *
 * @param host the cache host, e.g. {@code myname.redis.cache.windows.net}
 * @param port the port: 6380 (TLS) on Azure Cache for Redis, 10000 on Azure Managed Redis
 * @param tls true to connect with TLS (Azure accepts only TLS unless the non-TLS port is enabled)
 * @param auth how to authenticate
 * @param user the Redis user: the principal's object id for Entra, or null to read it from the
 *     token's {@code oid} claim; for access keys usually null (the default user)
 * @param accessKey the access key, or null when {@code auth=entra}
 * @param timeout connect, reply and pool-wait timeout
 * @param poolMaxTotal the most connections open at once
 * @param tokenRefreshRatio the fraction of a token's lifetime after which it is renewed and every
 *     connection re-authenticated
 * @param trust the certificates to trust (a private CA or a local stand-in), or null for the JVM's
 *     default trust store, which holds Azure's public CA chain
 */
public record AzureRedisConfig(
    String host,
    int port,
    boolean tls,
    AzureRedisAuth auth,
    String user,
    String accessKey,
    Duration timeout,
    int poolMaxTotal,
    double tokenRefreshRatio,
    RedisTrust trust) {

  /** The configuration prefix, without the trailing dot. */
  public static final String PREFIX = "plinth.cache.azure-redis";

  /** The TLS port of Azure Cache for Redis. */
  public static final int DEFAULT_PORT = 6380;

  /** Default connect/reply timeout: generous, because a TLS handshake to a far region is slow. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  /** Renew tokens when 75 % of their lifetime has passed. */
  public static final double DEFAULT_TOKEN_REFRESH_RATIO = 0.75;

  /**
   * Validates the settings.
   *
   * @param host the host
   * @param port the port
   * @param tls TLS on or off
   * @param auth the mode
   * @param user the user, or null
   * @param accessKey the access key, or null
   * @param timeout the timeout
   * @param poolMaxTotal the pool size
   * @param tokenRefreshRatio the refresh ratio
   * @param trust the TLS trust, or null
   */
  public AzureRedisConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(timeout, "timeout");
    if (auth == AzureRedisAuth.ACCESS_KEY && accessKey == null) {
      throw new IllegalArgumentException("auth=access-key needs an access key");
    }
  }

  /**
   * Reads and validates the settings.
   *
   * @param context the provider context
   * @return the settings
   * @throws dev.plinth.error.ConfigurationException naming the key of a missing or bad value, with
   *     its environment variable and an example; never echoing the access key
   */
  static AzureRedisConfig read(ProviderContext context) {
    PlinthConfig config = context.config();
    String host = config.require(key("host"), "myname.redis.cache.windows.net").trim();
    if (host.contains("://") || host.contains("/")) {
      throw PlinthConfig.invalid(
          key("host"),
          host,
          "a bare host name, e.g. myname.redis.cache.windows.net"
              + " (the port goes in "
              + key("port")
              + ", TLS in "
              + key("tls")
              + ")");
    }
    int port = config.getInt(key("port"), DEFAULT_PORT);
    if (port < 1 || port > 65535) {
      throw PlinthConfig.invalid(
          key("port"),
          Integer.toString(port),
          "6380 (Azure Cache for Redis, TLS) or 10000 (Azure" + " Managed Redis)");
    }
    boolean tls = config.getBoolean(key("tls"), true);
    AzureRedisAuth auth =
        AzureRedisAuth.parse(
            key("auth"), config.getString(key("auth"), AzureRedisAuth.ENTRA.configValue()));
    String user = config.get(key("user")).map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
    String accessKey =
        auth == AzureRedisAuth.ACCESS_KEY
            ? config.require(key("access-key"), "<primary key from Settings > Authentication>")
            : null;
    Duration timeout = config.getDuration(key("timeout"), DEFAULT_TIMEOUT);
    if (timeout.isNegative() || timeout.isZero()) {
      throw PlinthConfig.invalid(
          key("timeout"), config.get(key("timeout")).orElse(""), "a positive duration, e.g. 5s");
    }
    int pool = config.getInt(key("pool.max-total"), RedisSettings.DEFAULT_POOL_MAX_TOTAL);
    if (pool < 1) {
      throw PlinthConfig.invalid(
          key("pool.max-total"), Integer.toString(pool), "1 or more, e.g. 16");
    }
    return new AzureRedisConfig(
        host,
        port,
        tls,
        auth,
        user,
        accessKey,
        timeout,
        pool,
        refreshRatio(config),
        RedisTrust.fromConfig(config, PREFIX, tls));
  }

  private static double refreshRatio(PlinthConfig config) {
    String key = key("token-refresh-ratio");
    String text = config.getString(key, Double.toString(DEFAULT_TOKEN_REFRESH_RATIO)).trim();
    double ratio;
    try {
      ratio = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      ratio = Double.NaN;
    }
    if (!(ratio > 0 && ratio < 1)) {
      throw PlinthConfig.invalid(key, text, "a fraction between 0 and 1 (exclusive), e.g. 0.75");
    }
    return ratio;
  }

  /**
   * Returns the full key of a setting.
   *
   * @param setting the setting, e.g. {@code host}
   * @return {@code plinth.cache.azure-redis.<setting>}
   */
  static String key(String setting) {
    return PREFIX + "." + setting;
  }

  /**
   * Converts to the shared Redis settings.
   *
   * @param credentials asked on every new connection
   * @return the settings for {@link dev.plinth.redis.RedisCacheDriver}
   */
  RedisSettings toRedisSettings(Supplier<RedisCredentials> credentials) {
    return new RedisSettings(
        host,
        port,
        tls,
        0,
        credentials,
        poolMaxTotal,
        poolMaxTotal,
        0,
        timeout,
        timeout,
        redisKeys(),
        trust);
  }

  /**
   * The keys that shared Redis errors name: this provider has a host and a port instead of a URL,
   * and an access key or an Entra identity instead of a password.
   *
   * @return the keys
   */
  RedisKeys redisKeys() {
    String address = key("host") + " and " + key("port");
    if (auth == AzureRedisAuth.ACCESS_KEY) {
      return new RedisKeys(PREFIX, address, key("access-key"), key("access-key"));
    }
    return new RedisKeys(
        PREFIX,
        address,
        key("user"),
        "the identity's data access policy on the cache and "
            + key("user")
            + " (the identity's object id, if set)");
  }

  @Override
  public String toString() {
    return "AzureRedisConfig{"
        + (tls ? "rediss://" : "redis://")
        + host
        + ":"
        + port
        + ", auth="
        + auth.configValue()
        + (user == null ? "" : ", user=" + user)
        + (trust == null ? "" : ", truststore=" + trust.source())
        + ", timeout="
        + timeout
        + ", pool="
        + poolMaxTotal
        + (auth == AzureRedisAuth.ENTRA ? ", tokenRefreshRatio=" + tokenRefreshRatio : "")
        + '}';
  }
}
