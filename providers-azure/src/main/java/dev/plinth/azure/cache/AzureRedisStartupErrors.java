package dev.plinth.azure.cache;

import dev.plinth.error.ConfigurationException;

/**
 * Startup failures of {@code azure-redis}, phrased with its own keys ({@code access-key}, {@code
 * user}, {@code auth}) instead of the {@code password}/{@code url} keys the shared driver names.
 * Messages never contain a key or token; the cause is kept.
 */
final class AzureRedisStartupErrors {

  private AzureRedisStartupErrors() {}

  /**
   * Phrases a configuration failure of the first {@code PING} with this provider's keys. TLS
   * failures already name {@code plinth.cache.azure-redis.truststore} or the host and pass through;
   * rejected credentials become {@link #rejected}.
   *
   * @param config the settings
   * @param failure the driver's exception
   * @return the exception to throw
   */
  static ConfigurationException atFirstPing(
      AzureRedisConfig config, ConfigurationException failure) {
    String credentialKey = config.redisKeys().credentialKey();
    boolean credentials = failure.key().filter(credentialKey::equals).isPresent();
    return credentials ? rejected(config, failure) : failure;
  }

  /**
   * The server rejected the credentials at the first {@code PING}.
   *
   * @param config the settings
   * @param rejection the driver's exception
   * @return the exception to throw
   */
  private static ConfigurationException rejected(
      AzureRedisConfig config, ConfigurationException rejection) {
    String address = config.host() + ":" + config.port();
    String reply = rootMessage(rejection);
    if (config.auth() == AzureRedisAuth.ACCESS_KEY) {
      String key = AzureRedisConfig.key("access-key");
      return new ConfigurationException(
          key,
          "Azure Redis at "
              + address
              + " rejected the access key ("
              + reply
              + "). Set '"
              + key
              + "' (environment variable PLINTH_CACHE_AZURE_REDIS_ACCESS_KEY) to the primary or"
              + " secondary key from the cache's Authentication settings, and check that access"
              + " key authentication is enabled.",
          rejection);
    }
    String key = AzureRedisConfig.key("user");
    return new ConfigurationException(
        key,
        "Azure Redis at "
            + address
            + " rejected the Entra token ("
            + reply
            + "). Check that Microsoft Entra authentication is enabled on the cache, that the"
            + " identity has a data access policy assignment (e.g. 'Data Owner'), and that '"
            + key
            + "' (environment variable PLINTH_CACHE_AZURE_REDIS_USER), if set, is the identity's"
            + " object id.",
        rejection);
  }

  /**
   * The first Entra token could not be obtained.
   *
   * @param failure what the token manager threw
   * @return the exception to throw
   */
  static ConfigurationException noToken(RuntimeException failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConfigurationException configuration) {
        return configuration;
      }
    }
    String key = AzureRedisConfig.key("auth");
    return new ConfigurationException(
        key,
        "azure-redis could not get a Microsoft Entra token for "
            + EntraTokenSource.REDIS_SCOPE
            + " ("
            + rootMessage(failure)
            + "). Give the application an identity DefaultAzureCredential finds (managed"
            + " identity, workload identity, AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET,"
            + " or 'az login' on a developer machine), or use an access key:"
            + " PLINTH_CACHE_AZURE_REDIS_AUTH=access-key with PLINTH_CACHE_AZURE_REDIS_ACCESS_KEY.",
        failure);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    int newline = message.indexOf('\n');
    String line = (newline < 0 ? message : message.substring(0, newline)).strip();
    return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
  }
}
