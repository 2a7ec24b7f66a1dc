package dev.plinth.core.internal;

import dev.plinth.Port;
import dev.plinth.core.PortName;
import java.util.Objects;

/**
 * A started (or disabled) port of a platform.
 *
 * @param name which port
 * @param provider the provider name, {@code none} when disabled
 * @param description the provider's one-line description
 * @param port the portable object callers use, or null when disabled
 * @param closer releases the port, or null when disabled
 */
public record ActivePort(
    PortName name, String provider, String description, Port port, AutoCloseable closer) {

  /**
   * Validates the fields.
   *
   * @param name which port
   * @param provider the provider name
   * @param description the description
   * @param port the port or null
   * @param closer the closer or null
   */
  public ActivePort {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(provider, "provider");
    description = description == null ? "" : description;
  }

  /**
   * Returns a disabled port ({@code plinth.<port>.provider=none}).
   *
   * @param name which port
   * @return the disabled port
   */
  public static ActivePort disabled(PortName name) {
    return new ActivePort(
        name, PortName.NONE, "disabled (" + name.providerKey() + "=none)", null, null);
  }

  /**
   * Tells whether the port is disabled.
   *
   * @return true when no provider runs
   */
  public boolean isDisabled() {
    return port == null;
  }
}
