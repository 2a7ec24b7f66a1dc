package dev.plinth.jakarta.health;

import dev.plinth.Health;
import dev.plinth.core.PortName;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one port's health reads on {@code /health/ready}: DEGRADED counts as ready with {@code
 * degraded=true}, and so does a DOWN cache, because the SDK cache treats an outage as misses
 * ({@code getOrLoad} loads from the source of truth) so the application keeps serving, only slower;
 * any other DOWN port makes the instance unready.
 *
 * @param ready whether the check is UP
 * @param degraded whether the port works with reduced function
 * @param data the facts to publish: provider, state, detail and the port's own data
 */
record PortReadiness(boolean ready, boolean degraded, Map<String, String> data) {

  static PortReadiness of(PortName port, String provider, Health health) {
    boolean degraded =
        health.state() == Health.State.DEGRADED
            || (port == PortName.CACHE && health.state() == Health.State.DOWN);
    Map<String, String> data = new LinkedHashMap<>();
    data.put("provider", provider);
    data.put("state", health.state().name());
    data.put("degraded", Boolean.toString(degraded));
    if (!health.detail().isBlank()) {
      data.put("detail", health.detail());
    }
    health.data().forEach((key, value) -> data.putIfAbsent(key, String.valueOf(value)));
    return new PortReadiness(health.state() == Health.State.UP || degraded, degraded, data);
  }
}
