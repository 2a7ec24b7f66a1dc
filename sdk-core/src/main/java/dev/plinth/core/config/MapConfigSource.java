package dev.plinth.core.config;

import dev.plinth.config.ConfigSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A fixed map of dotted keys to values: the properties given to {@code Platform.builder()} (ordinal
 * 500, above system properties) or any other programmatic source.
 */
public final class MapConfigSource implements ConfigSource {
  /** The ordinal of properties set on the platform builder: they win over every other source. */
  public static final int BUILDER_ORDINAL = 500;

  private final String name;
  private final int ordinal;
  private final Map<String, String> values;

  /**
   * Creates a source.
   *
   * @param name a name for diagnostics
   * @param ordinal the priority; higher wins
   * @param values the dotted keys and their values (copied)
   */
  public MapConfigSource(String name, int ordinal, Map<String, String> values) {
    this.name = Objects.requireNonNull(name, "name");
    this.ordinal = ordinal;
    this.values = Map.copyOf(values);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int ordinal() {
    return ordinal;
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
  public String toString() {
    return name + "(" + ordinal + ")";
  }
}
