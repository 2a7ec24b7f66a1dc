package dev.plinth.core.storage;

import dev.plinth.config.PlinthConfig;
import dev.plinth.config.Profile;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A fixed map as configuration, for tests that must not depend on the real config loader. */
public record TestConfig(Map<String, String> values) implements PlinthConfig {

  /**
   * Returns an empty configuration.
   *
   * @return the config
   */
  public static TestConfig empty() {
    return new TestConfig(Map.of());
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
