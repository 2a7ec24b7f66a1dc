package dev.plinth.core.config;

import dev.plinth.config.ConfigSource;
import dev.plinth.config.PlinthConfig;
import dev.plinth.config.Profile;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The merged view of several {@link ConfigSource}s: for each key the source with the highest
 * ordinal that defines it wins; {@link #keys()} is the union. The profile is {@code plinth.profile}
 * (default {@code local}), parsed once so a bad value fails at construction.
 */
public final class MergedConfig implements PlinthConfig {
  /** The profile key. */
  public static final String PROFILE_KEY = "plinth.profile";

  private final List<ConfigSource> sources;
  private final Profile profile;

  /**
   * Merges sources.
   *
   * @param sources the sources, in any order
   * @throws dev.plinth.error.ConfigurationException if {@code plinth.profile} is not a profile
   */
  public MergedConfig(List<ConfigSource> sources) {
    this.sources =
        sources.stream().sorted(Comparator.comparingInt(ConfigSource::ordinal).reversed()).toList();
    this.profile =
        get(PROFILE_KEY).filter(v -> !v.isBlank()).map(Profile::parse).orElse(Profile.LOCAL);
  }

  @Override
  public Optional<String> get(String key) {
    for (ConfigSource source : sources) {
      Optional<String> value = source.get(key);
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }

  @Override
  public Set<String> keys() {
    Set<String> keys = new HashSet<>();
    sources.forEach(s -> keys.addAll(s.keys()));
    return Set.copyOf(keys);
  }

  @Override
  public Profile profile() {
    return profile;
  }

  /**
   * Returns the sources, highest ordinal first.
   *
   * @return the sources
   */
  public List<ConfigSource> sources() {
    return sources;
  }

  @Override
  public String toString() {
    return "MergedConfig{profile=" + profile.id() + ", sources=" + sources + '}';
  }
}
