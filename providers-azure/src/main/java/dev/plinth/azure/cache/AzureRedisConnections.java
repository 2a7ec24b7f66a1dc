package dev.plinth.azure.cache;

import dev.plinth.redis.RedisConnections;
import dev.plinth.redis.RedisSettings;
import java.time.Duration;
import redis.clients.authentication.core.TokenAuthConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.authentication.AuthXEventListener;
import redis.clients.jedis.authentication.AuthXManager;

/**
 * Opens the Jedis pool for {@code azure-redis}: {@link RedisConnections} plus an {@link
 * AuthXManager} that renews Entra tokens and re-sends {@code AUTH} on pooled connections before the
 * old token expires.
 */
final class AzureRedisConnections {
  private static final System.Logger LOG = System.getLogger(AzureRedisConnections.class.getName());

  private AzureRedisConnections() {}

  /**
   * Opens a pool. With a token manager, this fetches the first token (and fails if it cannot).
   *
   * @param settings where to connect; its credentials are used when {@code tokens} is null
   * @param tokens the token manager, or null for fixed credentials
   * @return the pooled client; closing it also stops the token manager
   */
  static JedisPooled open(RedisSettings settings, AuthXManager tokens) {
    return RedisConnections.open(settings, client -> useTokens(client, tokens));
  }

  /**
   * Builds the client configuration.
   *
   * @param settings where and how to connect
   * @param tokens the token manager, or null
   * @return the configuration
   */
  static DefaultJedisClientConfig clientConfig(RedisSettings settings, AuthXManager tokens) {
    return RedisConnections.clientConfig(settings, client -> useTokens(client, tokens));
  }

  private static void useTokens(DefaultJedisClientConfig.Builder client, AuthXManager tokens) {
    if (tokens != null) {
      // The token manager replaces fixed credentials and re-authenticates pooled connections.
      client.credentialsProvider(null);
      client.authXManager(tokens);
    }
  }

  /**
   * Creates the manager that renews tokens at {@code refreshRatio} of their lifetime and then
   * re-authenticates every pooled connection (idle ones when next borrowed).
   *
   * @param identity the token adapter
   * @param refreshRatio e.g. 0.75
   * @param timeout how long one token request may take
   * @return the manager (started by the pool that uses it)
   */
  static AuthXManager tokenManager(
      EntraIdentityProvider identity, double refreshRatio, Duration timeout) {
    TokenAuthConfig config =
        TokenAuthConfig.builder()
            .identityProviderConfig(() -> identity)
            .expirationRefreshRatio((float) refreshRatio)
            // Renew by ratio only; a fixed lower bound would dominate for short-lived tokens.
            .lowerRefreshBoundMillis(0)
            .tokenRequestExecTimeoutInMs(millis(timeout))
            .maxAttemptsToRetry(5)
            .delayInMsToRetry(200)
            .build();
    AuthXManager manager = new AuthXManager(config);
    manager.setListener(new LoggingListener());
    return manager;
  }

  private static int millis(Duration duration) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
  }

  /**
   * Reports renewal failures (Jedis keeps the old token and retries). Messages from Jedis and
   * azure-identity carry no token or key.
   */
  private static final class LoggingListener implements AuthXEventListener {
    @Override
    public void onIdentityProviderError(Exception reason) {
      LOG.log(
          System.Logger.Level.WARNING,
          "azure-redis could not get or renew its Entra token (retrying while the current one is valid): {0}",
          reason.getMessage());
    }

    @Override
    public void onConnectionAuthenticationError(Exception reason) {
      LOG.log(
          System.Logger.Level.WARNING,
          "azure-redis could not re-authenticate a connection; it will be replaced: {0}",
          reason.getMessage());
    }
  }
}
