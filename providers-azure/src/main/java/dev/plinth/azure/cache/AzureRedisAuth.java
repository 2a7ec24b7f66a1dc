package dev.plinth.azure.cache;

import dev.plinth.config.PlinthConfig;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the {@code azure-redis} provider authenticates to the cache. */
public enum AzureRedisAuth {
  /** Passwordless: Microsoft Entra ID access tokens, renewed and re-sent before they expire. */
  ENTRA("entra"),
  /** The cache's primary or secondary access key (the legacy password). */
  ACCESS_KEY("access-key");

  private final String configValue;

  AzureRedisAuth(String configValue) {
    this.configValue = configValue;
  }

  /**
   * Returns the value that selects this mode in {@code plinth.cache.azure-redis.auth}.
   *
   * @return {@code entra} or {@code access-key}
   */
  public String configValue() {
    return configValue;
  }

  /**
   * Parses a configured mode.
   *
   * @param key the configuration key, for the error message
   * @param value the configured value
   * @return the mode
   * @throws dev.plinth.error.ConfigurationException if the value names no mode
   */
  static AzureRedisAuth parse(String key, String value) {
    String wanted = value.trim().toLowerCase(Locale.ROOT);
    for (AzureRedisAuth mode : values()) {
      if (mode.configValue.equals(wanted)) {
        return mode;
      }
    }
    String allowed =
        Arrays.stream(values()).map(AzureRedisAuth::configValue).collect(Collectors.joining("|"));
    throw PlinthConfig.invalid(key, value, allowed + ", e.g. entra");
  }
}
