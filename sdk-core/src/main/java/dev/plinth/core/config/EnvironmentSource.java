package dev.plinth.core.config;

import dev.plinth.config.ConfigSource;
import dev.plinth.config.PlinthConfig;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Environment variables, ordinal 300, named by MicroProfile Config rules: {@code
 * plinth.storage.provider} is read from {@code plinth.storage.provider} or {@code
 * PLINTH_STORAGE_PROVIDER} (see {@link PlinthConfig#envName}).
 */
public final class EnvironmentSource implements ConfigSource {
  /** The ordinal of environment variables. */
  public static final int ORDINAL = 300;

  private final Map<String, String> environment;

  /** Reads the process environment. */
  public EnvironmentSource() {
    this(System.getenv());
  }

  /**
   * Reads the given variables instead of the process environment (for tests and embedding).
   *
   * @param environment variable names and values (copied)
   */
  public EnvironmentSource(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public String name() {
    return "environment";
  }

  @Override
  public int ordinal() {
    return ORDINAL;
  }

  @Override
  public Optional<String> get(String key) {
    String exact = environment.get(key);
    return exact != null
        ? Optional.of(exact)
        : Optional.ofNullable(environment.get(PlinthConfig.envName(key)));
  }

  /**
   * Returns the dotted form of every {@code PLINTH_*} variable. The mapping is lossy ({@code _}
   * stands for both {@code .} and {@code -}), so a dashed key is listed with dots; {@link #get}
   * still finds it.
   *
   * @return the keys
   */
  @Override
  public Set<String> keys() {
    return environment.keySet().stream()
        .filter(k -> k.toUpperCase(Locale.ROOT).startsWith("PLINTH_"))
        .map(k -> k.toLowerCase(Locale.ROOT).replace('_', '.'))
        .collect(Collectors.toUnmodifiableSet());
  }
}
