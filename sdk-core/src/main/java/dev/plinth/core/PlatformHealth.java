package dev.plinth.core;

import dev.plinth.Health;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The health of a platform: one {@link Health} per port and an overall state, the worst of the
 * ports, with one exception: a DOWN cache makes the platform only DEGRADED, because the cache is
 * optional for reads (callers treat an outage as a miss and go to the source of truth).
 *
 * @param state the overall state
 * @param ports the health of each port, in start order
 */
public record PlatformHealth(Health.State state, Map<PortName, Health> ports) {

  /**
   * Copies the per-port map.
   *
   * @param state the overall state
   * @param ports the per-port health
   */
  public PlatformHealth {
    // EnumMap keeps start order; its copy constructor rejects an empty plain map, hence putAll.
    EnumMap<PortName, Health> copy = new EnumMap<>(PortName.class);
    copy.putAll(ports);
    ports = Collections.unmodifiableMap(copy);
  }

  /**
   * Aggregates per-port health.
   *
   * @param ports the health of each port
   * @return the platform health
   */
  public static PlatformHealth of(Map<PortName, Health> ports) {
    Health.State overall = Health.State.UP;
    for (Map.Entry<PortName, Health> entry : ports.entrySet()) {
      Health.State state = entry.getValue().state();
      if (entry.getKey() == PortName.CACHE && state == Health.State.DOWN) {
        state = Health.State.DEGRADED;
      }
      if (state.compareTo(overall) > 0) {
        overall = state;
      }
    }
    return new PlatformHealth(overall, ports);
  }

  /**
   * Tells whether the platform can serve requests (UP or DEGRADED).
   *
   * @return false only when the overall state is DOWN
   */
  public boolean isAvailable() {
    return state != Health.State.DOWN;
  }

  /**
   * Returns the health of one port.
   *
   * @param port the port
   * @return its health
   */
  public Health port(PortName port) {
    return ports.get(port);
  }
}
