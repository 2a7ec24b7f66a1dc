package dev.plinth.core.config;

import dev.plinth.config.ConfigSource;
import dev.plinth.config.PlinthConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Assembles the standard source stack: the given sources (e.g. builder properties, ordinal 500),
 * system properties (400), environment (300), {@code plinth.properties} (100) and the defaults of
 * the resulting profile (0).
 */
public final class ConfigLoader {

  private ConfigLoader() {}

  /**
   * Loads the merged configuration.
   *
   * @param explicit sources added by the caller (builder properties, MicroProfile Config, ...)
   * @param environment the environment variables to read
   * @param classLoader where to find {@code plinth.properties}
   * @return the merged configuration
   * @throws dev.plinth.error.ConfigurationException if a file or the profile is bad
   */
  public static MergedConfig load(
      List<ConfigSource> explicit, Map<String, String> environment, ClassLoader classLoader) {
    List<ConfigSource> sources = new ArrayList<>(explicit);
    sources.add(new SystemPropertiesSource());
    sources.add(new EnvironmentSource(environment));
    // plinth.config.file can itself come from any higher source, so it is resolved first.
    PlinthConfig upper = new MergedConfig(sources);
    Path file =
        upper
            .get(PropertiesFileSource.FILE_KEY)
            .filter(v -> !v.isBlank())
            .map(v -> Path.of(v.trim()))
            .orElse(null);
    sources.add(new PropertiesFileSource(classLoader, file));
    MergedConfig withoutDefaults = new MergedConfig(sources);
    sources.add(new ProfileDefaults(withoutDefaults.profile()));
    return new MergedConfig(sources);
  }
}
