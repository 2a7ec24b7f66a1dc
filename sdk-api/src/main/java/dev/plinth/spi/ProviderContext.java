package dev.plinth.spi;

import dev.plinth.config.PlinthConfig;
import dev.plinth.telemetry.Telemetry;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider gets when it is created: the merged configuration, the port it serves and the
 * platform's telemetry.
 *
 * @param port the port name: {@code storage}, {@code cache}, {@code queue}, {@code auth} or {@code
 *     telemetry}
 * @param config the merged configuration
 * @param telemetry the platform's telemetry (no-op while the telemetry port itself is created)
 */
public record ProviderContext(String port, PlinthConfig config, Telemetry telemetry) {

  /**
   * Validates the fields.
   *
   * @param port the port name
   * @param config the configuration
   * @param telemetry the telemetry
   */
  public ProviderContext {
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(telemetry, "telemetry");
  }

  /**
   * Returns the full key of a port setting: {@code key("root")} in the storage port is {@code
   * plinth.storage.root}.
   *
   * @param name the setting name
   * @return the full key
   */
  public String key(String name) {
    return "plinth." + port + "." + name;
  }

  /**
   * Reads a port setting.
   *
   * @param name the setting name, e.g. {@code root}
   * @return the value, or empty
   */
  public Optional<String> get(String name) {
    return config.get(key(name));
  }
}
