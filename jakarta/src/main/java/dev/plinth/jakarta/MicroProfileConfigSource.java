package dev.plinth.jakarta;

import dev.plinth.config.ConfigSource;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;

/**
 * Presents MicroProfile Config to Plinth as one configuration source, so the SDK reads the same
 * {@code plinth.*} keys the application server resolves (system properties, environment, {@code
 * microprofile-config.properties}, server variables, ...).
 *
 * <p>Its ordinal sits above Plinth's own system-property (400) and environment (300) sources and
 * below builder properties (500): MicroProfile Config has already merged those sources by its own
 * ordinals, so its answer is the one that counts.
 */
public final class MicroProfileConfigSource implements ConfigSource {
  /** The ordinal of this source within Plinth's configuration stack. */
  public static final int ORDINAL = 450;

  private static final String PREFIX = "plinth.";
  private final Config config;

  /**
   * Wraps a MicroProfile configuration.
   *
   * @param config the configuration to read
   */
  public MicroProfileConfigSource(Config config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public String name() {
    return "microprofile-config";
  }

  @Override
  public int ordinal() {
    return ORDINAL;
  }

  @Override
  public Optional<String> get(String key) {
    return config.getOptionalValue(key, String.class);
  }

  @Override
  public Set<String> keys() {
    Set<String> keys = new TreeSet<>();
    for (String name : config.getPropertyNames()) {
      if (name.startsWith(PREFIX)) {
        keys.add(name);
      }
    }
    return keys;
  }
}
