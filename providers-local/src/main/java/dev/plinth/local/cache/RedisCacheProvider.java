package dev.plinth.local.cache;

import dev.plinth.config.PlinthConfig;
import dev.plinth.error.ConfigurationException;
import dev.plinth.error.PlinthException;
import dev.plinth.redis.RedisCacheDriver;
import dev.plinth.redis.RedisKeys;
import dev.plinth.redis.RedisSettings;
import dev.plinth.redis.RedisTrust;
import dev.plinth.redis.RedisUrl;
import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.cache.CacheDriver;
import dev.plinth.spi.cache.CacheProvider;
import java.time.Duration;
import redis.clients.jedis.DefaultRedisCredentials;
import redis.clients.jedis.RedisCredentials;

/**
 * The {@code redis} cache provider. Settings (under {@code plinth.cache.redis.}):
 *
 * <ul>
 *   <li>{@code url}: {@code redis://[user:password@]host:port[/db]}, {@code rediss://} for TLS;
 *       default {@code redis://localhost:6379}
 *   <li>{@code user}, {@code password}: override the URL's user info
 *   <li>{@code tls}: forces TLS on or off (default: from the URL scheme)
 *   <li>{@code truststore}: a PEM file with the CA certificate(s) to trust, or a PKCS12/JKS
 *       truststore (with {@code truststore-password}), for a private CA or a self-signed server;
 *       default: the JVM's trust store. Host names are always verified.
 *   <li>{@code pool.max-total}: most connections (default 16)
 *   <li>{@code timeout}: connect, reply and pool-wait timeout (default 2s)
 * </ul>
 *
 * <p>At startup the provider sends one {@code PING}: rejected credentials fail fast with a {@link
 * ConfigurationException}, and so does a TLS certificate that is untrusted or issued for another
 * host; an unreachable server is only logged, because a cache outage must not stop the application
 * (health reports DOWN and calls throw {@link dev.plinth.error.ProviderUnavailableException} until
 * the server is back).
 */
public final class RedisCacheProvider implements CacheProvider {
  /** The provider name. */
  public static final String NAME = "redis";

  /** The default server URL. */
  public static final String DEFAULT_URL = "redis://localhost:6379";

  private static final System.Logger LOG = System.getLogger(RedisCacheProvider.class.getName());

  /** Creates the provider (called by {@link java.util.ServiceLoader}). */
  public RedisCacheProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Redis cache (Jedis): shared entries and cross-process single-flight";
  }

  @Override
  public CacheDriver create(ProviderContext context) {
    RedisSettings settings = settings(context);
    RedisCacheDriver driver = RedisCacheDriver.connect(settings);
    try {
      driver.ping();
    } catch (ConfigurationException e) {
      driver.close();
      throw e;
    } catch (PlinthException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Redis cache starts without a server: {0} Calls fail until it is reachable.",
          e.getMessage());
    }
    LOG.log(System.Logger.Level.DEBUG, "Redis cache configured: {0}", settings);
    return driver;
  }

  /**
   * Reads the settings of this provider.
   *
   * @param context the provider context
   * @return the settings
   * @throws ConfigurationException naming the key of a bad value
   */
  static RedisSettings settings(ProviderContext context) {
    PlinthConfig config = context.config();
    String urlKey = context.key("redis.url");
    RedisUrl url = RedisUrl.parse(urlKey, config.getString(urlKey, DEFAULT_URL));
    String user = context.get("redis.user").filter(v -> !v.isBlank()).orElse(url.user());
    String password =
        context.get("redis.password").filter(v -> !v.isEmpty()).orElse(url.password());
    boolean tls = config.getBoolean(context.key("redis.tls"), url.tls());
    String poolKey = context.key("redis.pool.max-total");
    int poolMaxTotal = config.getInt(poolKey, RedisSettings.DEFAULT_POOL_MAX_TOTAL);
    if (poolMaxTotal < 1) {
      throw PlinthConfig.invalid(poolKey, Integer.toString(poolMaxTotal), "1 or more, e.g. 16");
    }
    String timeoutKey = context.key("redis.timeout");
    Duration timeout = config.getDuration(timeoutKey, RedisSettings.DEFAULT_TIMEOUT);
    if (timeout.isNegative() || timeout.isZero()) {
      throw PlinthConfig.invalid(
          timeoutKey, config.get(timeoutKey).orElse(""), "a positive duration, e.g. 2s");
    }
    RedisCredentials credentials =
        password == null ? null : new DefaultRedisCredentials(user, password);
    return new RedisSettings(
        url.host(),
        url.port(),
        tls,
        url.database(),
        credentials == null ? null : () -> credentials,
        poolMaxTotal,
        poolMaxTotal,
        0,
        timeout,
        timeout,
        RedisKeys.urlStyle(context.key("redis")),
        RedisTrust.fromConfig(config, context.key("redis"), tls));
  }
}
