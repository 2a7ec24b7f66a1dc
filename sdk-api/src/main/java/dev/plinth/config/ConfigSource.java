package dev.plinth.config;

import java.util.Optional;
import java.util.Set;

/**
 * One source of configuration values (system properties, environment, a properties file,
 * MicroProfile Config, ...). Sources with a higher {@link #ordinal()} win, as in MicroProfile
 * Config.
 */
public interface ConfigSource {

  /**
   * Returns a name for diagnostics, e.g. {@code environment}.
   *
   * @return the source name
   */
  String name();

  /**
   * Returns the priority of this source; higher wins. System properties use 400, environment 300,
   * {@code plinth.properties} 100 and profile defaults 0.
   *
   * @return the ordinal
   */
  int ordinal();

  /**
   * Returns the value of a dotted key, applying this source's own naming rules (an environment
   * source maps {@code plinth.storage.provider} to {@code PLINTH_STORAGE_PROVIDER}).
   *
   * @param key a dotted key
   * @return the value, or empty
   */
  Optional<String> get(String key);

  /**
   * Returns the dotted keys this source defines, as far as it can list them.
   *
   * @return the keys
   */
  Set<String> keys();
}
