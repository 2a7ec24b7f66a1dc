package dev.plinth.local.storage;

import dev.plinth.config.PlinthConfig;
import dev.plinth.config.Profile;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A fixed map of settings for tests that build drivers without a Platform. */
record MapConfig(Map<String, String> values) implements PlinthConfig {
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
