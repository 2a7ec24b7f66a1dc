package dev.plinth.core;

import dev.plinth.Capabilities;
import dev.plinth.config.Profile;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a platform runs: the profile and, per port, the provider, its description and its
 * capabilities. {@link #toString()} renders a readable table for logs and startup banners.
 *
 * @param profile the active profile
 * @param ports one entry per port, in start order
 */
public record PlatformDescription(Profile profile, Map<PortName, PortDescription> ports) {

  /**
   * Copies the per-port map.
   *
   * @param profile the profile
   * @param ports the per-port descriptions
   */
  public PlatformDescription {
    Objects.requireNonNull(profile, "profile");
    // EnumMap keeps start order; its copy constructor rejects an empty plain map, hence putAll.
    EnumMap<PortName, PortDescription> copy = new EnumMap<>(PortName.class);
    copy.putAll(ports);
    ports = Collections.unmodifiableMap(copy);
  }

  /**
   * One port's provider.
   *
   * @param provider the provider name ({@code none} when disabled)
   * @param description the provider's one-line description
   * @param capabilities what it supports
   */
  public record PortDescription(String provider, String description, Capabilities capabilities) {}

  /**
   * Returns one port's description.
   *
   * @param port the port
   * @return its description
   */
  public PortDescription port(PortName port) {
    return ports.get(port);
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("Plinth platform (profile ").append(profile.id()).append(')');
    ports.forEach(
        (port, d) -> {
          sb.append(System.lineSeparator())
              .append(String.format("  %-10s %-17s %s", port.id(), d.provider(), d.description()));
          if (!d.capabilities().features().isEmpty()) {
            sb.append(" features=").append(d.capabilities().features());
          }
          if (!d.capabilities().limits().isEmpty()) {
            sb.append(" limits=").append(d.capabilities().limits());
          }
        });
    return sb.toString();
  }
}
