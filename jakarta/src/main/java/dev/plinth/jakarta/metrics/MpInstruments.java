package dev.plinth.jakarta.metrics;

import dev.plinth.telemetry.Tags;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Registers SDK series in a MicroProfile {@link MetricRegistry} under the same name and tags. A
 * series the registry refuses (an invalid tag name, or a name already registered with other tag
 * names or another type) is logged once per name and left out, so it never fails the caller: the
 * configured telemetry provider still records it.
 */
final class MpInstruments {
  private static final Logger LOG = Logger.getLogger(MpInstruments.class.getName());

  private final MetricRegistry registry;
  private final Set<String> refused = ConcurrentHashMap.newKeySet();

  MpInstruments(MetricRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** Returns the counter, or null if the registry refused it. */
  Counter counter(String name, Tags tags) {
    return register(name, () -> registry.counter(name, tags(tags)));
  }

  /** Returns the timer, or null if the registry refused it. */
  Timer timer(String name, Tags tags) {
    return register(name, () -> registry.timer(name, tags(tags)));
  }

  /** Returns the histogram, or null if the registry refused it. */
  Histogram histogram(String name, Tags tags) {
    return register(name, () -> registry.histogram(name, tags(tags)));
  }

  /** Registers a gauge reading the slot; false if the registry refused it. */
  boolean gauge(String name, Tags tags, GaugeSlot slot) {
    return register(name, () -> registry.gauge(name, slot, GaugeSlot::value, tags(tags))) != null;
  }

  private <T> T register(String name, Supplier<T> registration) {
    try {
      return registration.get();
    } catch (RuntimeException e) {
      if (refused.add(name)) {
        LOG.log(
            Level.WARNING,
            e,
            () ->
                "MicroProfile Metrics refused '"
                    + name
                    + "' ("
                    + e.getMessage()
                    + "); it is recorded by the Plinth telemetry provider only. Keep one set of"
                    + " tag names per metric name.");
      }
      return null;
    }
  }

  private static Tag[] tags(Tags tags) {
    Map<String, String> values = tags.asMap();
    Tag[] result = new Tag[values.size()];
    int i = 0;
    for (Map.Entry<String, String> tag : values.entrySet()) {
      result[i++] = new Tag(tag.getKey(), tag.getValue());
    }
    return result;
  }
}
