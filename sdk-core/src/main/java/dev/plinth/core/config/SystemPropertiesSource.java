package dev.plinth.core.config;

import dev.plinth.config.ConfigSource;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/** JVM system properties ({@code -Dplinth.storage.provider=memory}), ordinal 400. */
public final class SystemPropertiesSource implements ConfigSource {
  /** The ordinal of system properties. */
  public static final int ORDINAL = 400;

  private final Properties properties;

  /** Reads the live JVM system properties. */
  public SystemPropertiesSource() {
    this(System.getProperties());
  }

  /**
   * Reads the given properties instead of the JVM's (for tests).
   *
   * @param properties the properties to read; read live, not copied
   */
  public SystemPropertiesSource(Properties properties) {
    this.properties = properties;
  }

  @Override
  public String name() {
    return "system-properties";
  }

  @Override
  public int ordinal() {
    return ORDINAL;
  }

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(properties.getProperty(key));
  }

  @Override
  public Set<String> keys() {
    return properties.stringPropertyNames().stream()
        .filter(k -> k.startsWith("plinth."))
        .collect(Collectors.toUnmodifiableSet());
  }
}
