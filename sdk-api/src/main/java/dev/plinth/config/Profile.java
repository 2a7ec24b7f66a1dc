package dev.plinth.config;

import dev.plinth.error.ConfigurationException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A named set of provider defaults, chosen with {@code plinth.profile} ({@code PLINTH_PROFILE}).
 * Every port can still be overridden with {@code plinth.<port>.provider}.
 */
public enum Profile {
  /** Everything embedded, zero cloud cost: filesystem, artemis, dev, memory cache, console. */
  LOCAL,
  /** Azure services: azure-blob, azure-servicebus, entra-id, azure-redis, app-insights. */
  AZURE,
  /** Memory providers for every port, for unit tests. */
  MEMORY;

  /**
   * Returns the configuration name of this profile.
   *
   * @return the lower-case name, e.g. {@code local}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a profile name.
   *
   * @param value the configured value, case-insensitive
   * @return the profile
   * @throws ConfigurationException naming the allowed values if the name is unknown
   */
  public static Profile parse(String value) {
    for (Profile p : values()) {
      if (p.id().equalsIgnoreCase(value.trim())) {
        return p;
      }
    }
    throw new ConfigurationException(
        "plinth.profile",
        "Unknown profile '"
            + value
            + "' in 'plinth.profile' (PLINTH_PROFILE). Allowed: "
            + Arrays.stream(values()).map(Profile::id).toList()
            + ". Example: PLINTH_PROFILE=local");
  }
}
