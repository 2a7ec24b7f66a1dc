package dev.plinth.tck;

import dev.plinth.config.PlinthConfig;
import dev.plinth.config.Profile;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link PlinthConfig} over a fixed map of dotted keys, for contract tests that create a provider
 * without a platform. The profile is {@code plinth.profile} if present, else {@code local}.
 */
public final class MapPlinthConfig implements PlinthConfig {
  private final Map<String, String> values;

  /**
   * Creates the configuration.
   *
   * @param values dotted keys and values (copied)
   */
  public MapPlinthConfig(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /**
   * Returns a configuration without keys, so every default applies.
   *
   * @return the empty configuration
   */
  public static MapPlinthConfig empty() {
    return new MapPlinthConfig(Map.of());
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
    String profile = values.get("plinth.profile");
    return profile == null ? Profile.LOCAL : Profile.parse(profile);
  }
}
