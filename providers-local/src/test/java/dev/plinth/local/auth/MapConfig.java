package dev.plinth.local.auth;

import dev.plinth.config.PlinthConfig;
import dev.plinth.config.Profile;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A configuration backed by a map, for driving the provider without sdk-core. */
record MapConfig(Profile profile, Map<String, String> values) implements PlinthConfig {

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  @Override
  public Set<String> keys() {
    return values.keySet();
  }
}
