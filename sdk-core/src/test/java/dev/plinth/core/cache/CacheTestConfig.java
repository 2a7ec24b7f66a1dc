package dev.plinth.core.cache;

import dev.plinth.config.PlinthConfig;
import dev.plinth.config.Profile;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A map-backed configuration for cache tests. */
public final class CacheTestConfig implements PlinthConfig {
  private final Map<String, String> values;

  private CacheTestConfig(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /**
   * Creates a configuration.
   *
   * @param values keys and values
   * @return the configuration
   */
  public static CacheTestConfig of(Map<String, String> values) {
    return new CacheTestConfig(values);
  }

  /**
   * Creates an empty configuration (every default applies).
   *
   * @return the configuration
   */
  public static CacheTestConfig empty() {
    return of(Map.of());
  }

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  @Override
  public Set<String> keys() {
    return values.keySet();
  }

  @Override
  public Profile profile() {
    return Profile.MEMORY;
  }
}
