package dev.plinth.core.queue;

import dev.plinth.config.PlinthConfig;
import dev.plinth.config.Profile;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A map-backed configuration for tests. */
public record MapConfig(Map<String, String> values) implements PlinthConfig {

  public static MapConfig empty() {
    return new MapConfig(Map.of());
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
