package dev.plinth.azure.cache;

import dev.plinth.error.ConfigurationException;
import dev.plinth.error.PlinthException;
import dev.plinth.redis.RedisCacheDriver;
import dev.plinth.redis.RedisSettings;
import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.cache.CacheDriver;
import dev.plinth.spi.cache.CacheProvider;
import java.util.Objects;
import java.util.function.Supplier;
import redis.clients.jedis.DefaultRedisCredentials;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.RedisCredentials;
import redis.clients.jedis.authentication.AuthXManager;

/**
 * The {@code azure-redis} cache provider: Azure Cache for Redis or Azure Managed Redis through the
 * shared {@link RedisCacheDriver}. Settings (under {@code plinth.cache.azure-redis.}):
 *
 * <ul>
 *   <li>{@code host} (required), {@code port} (6380; 10000 for Azure Managed Redis), {@code tls}
 *       (true)
 *   <li>{@code auth}: {@code entra} (default: passwordless, {@code DefaultAzureCredential}, scope
 *       {@value EntraTokenSource#REDIS_SCOPE}) or {@code access-key} (with {@code access-key})
 *   <li>{@code user}: the identity's object id (default: the token's {@code oid} claim)
 *   <li>{@code truststore} (+ {@code truststore-password} for PKCS12/JKS): the CA certificates to
 *       trust instead of the JVM's (which hold Azure's public CA chain), for a private CA or a
 *       local TLS stand-in; host names are always verified
 *   <li>{@code timeout} (5s), {@code pool.max-total} (16), {@code token-refresh-ratio} (0.75)
 * </ul>
 *
 * <p>With Entra, tokens are renewed at {@code token-refresh-ratio} of their lifetime; new
 * connections use the newest token and pooled ones are re-authenticated with {@code AUTH} (idle
 * ones when next borrowed), so no connection outlives its token. As with {@code redis}, rejected
 * credentials and an untrusted or mismatched TLS certificate fail startup and an unreachable server
 * only makes health DOWN.
 */
public final class AzureRedisCacheProvider implements CacheProvider {
  /** The provider name. */
  public static final String NAME = "azure-redis";

  private static final System.Logger LOG =
      System.getLogger(AzureRedisCacheProvider.class.getName());

  private final Supplier<EntraTokenSource> tokenSources;

  /** Creates the provider (called by {@link java.util.ServiceLoader}). */
  public AzureRedisCacheProvider() {
    this(EntraTokenSource::defaultAzureCredential);
  }

  /**
   * Creates the provider with another token source, for tests.
   *
   * @param tokenSources called once per created driver when {@code auth=entra}
   */
  AzureRedisCacheProvider(Supplier<EntraTokenSource> tokenSources) {
    this.tokenSources = Objects.requireNonNull(tokenSources, "tokenSources");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Azure Cache for Redis / Azure Managed Redis (Jedis, Entra ID or access key)";
  }

  @Override
  public CacheDriver create(ProviderContext context) {
    AzureRedisConfig config = AzureRedisConfig.read(context);
    RedisCacheDriver driver =
        config.auth() == AzureRedisAuth.ENTRA ? openWithEntra(config) : openWithAccessKey(config);
    try {
      driver.ping();
    } catch (ConfigurationException e) {
      driver.close();
      throw AzureRedisStartupErrors.atFirstPing(config, e);
    } catch (PlinthException e) {
      // Not fatal: a cache outage must not stop the application; health reports DOWN meanwhile.
      LOG.log(
          System.Logger.Level.WARNING,
          "azure-redis starts without a reachable server ({0}). Calls fail until it is reachable;"
              + " check {1}.host/port/tls, the firewall and private endpoint.",
          e.getMessage(),
          AzureRedisConfig.PREFIX);
    }
    LOG.log(System.Logger.Level.DEBUG, "Azure Redis cache configured: {0}", config);
    return driver;
  }

  private static RedisCacheDriver openWithAccessKey(AzureRedisConfig config) {
    RedisCredentials key = new DefaultRedisCredentials(config.user(), config.accessKey());
    RedisSettings settings = config.toRedisSettings(() -> key);
    return new RedisCacheDriver(settings, AzureRedisConnections.open(settings, null));
  }

  private RedisCacheDriver openWithEntra(AzureRedisConfig config) {
    EntraIdentityProvider identity = new EntraIdentityProvider(tokenSources.get(), config.user());
    AuthXManager tokens =
        AzureRedisConnections.tokenManager(identity, config.tokenRefreshRatio(), config.timeout());
    // The manager is also the credentials supplier: every new connection gets the newest token.
    RedisSettings settings = config.toRedisSettings(tokens);
    JedisPooled jedis;
    try {
      jedis = AzureRedisConnections.open(settings, tokens);
    } catch (RuntimeException e) {
      tokens.stop();
      throw AzureRedisStartupErrors.noToken(e);
    }
    return new RedisCacheDriver(settings, jedis);
  }
}
