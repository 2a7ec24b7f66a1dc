package dev.plinth.local.cache;

import dev.plinth.config.PlinthConfig;
import dev.plinth.config.Profile;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A fixed-map {@link PlinthConfig} for provider tests. */
record MapConfig(Map<String, String> values, Profile profile) implements PlinthConfig {

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  @Override
  public Set<String> keys() {
    return values.keySet();
  }
}
