package dev.plinth.core.memory;

import dev.plinth.telemetry.Counter;
import dev.plinth.telemetry.Histogram;
import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Timer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/** Thread-safe metric series of {@link RecordingTelemetry}, keyed by name and tags. */
final class RecordingMetrics {
  private final Map<SeriesKey, LongAdder> counters = new ConcurrentHashMap<>();
  private final Map<SeriesKey, Distribution> timers = new ConcurrentHashMap<>();
  private final Map<SeriesKey, Distribution> histograms = new ConcurrentHashMap<>();
  private final Map<SeriesKey, DoubleSupplier> gauges = new ConcurrentHashMap<>();

  /** A metric series identity. */
  private record SeriesKey(String name, Tags tags) {
    SeriesKey {
      Objects.requireNonNull(name, "name");
      tags = tags == null ? Tags.empty() : tags;
    }
  }

  /** Count and sum of recorded values. */
  static final class Distribution {
    private final LongAdder count = new LongAdder();
    private final DoubleAdder sum = new DoubleAdder();

    void record(double value) {
      sum.add(value);
      count.increment();
    }

    long count() {
      return count.sum();
    }

    double sum() {
      return sum.sum();
    }
  }

  Counter counter(String name, Tags tags) {
    LongAdder adder = counters.computeIfAbsent(new SeriesKey(name, tags), k -> new LongAdder());
    return amount -> {
      if (amount < 0) {
        throw new IllegalArgumentException("Counter '" + name + "' cannot decrease: " + amount);
      }
      adder.add(amount);
    };
  }

  Timer timer(String name, Tags tags) {
    Distribution d = timers.computeIfAbsent(new SeriesKey(name, tags), k -> new Distribution());
    return nanos -> d.record(nanos);
  }

  Histogram histogram(String name, Tags tags) {
    Distribution d = histograms.computeIfAbsent(new SeriesKey(name, tags), k -> new Distribution());
    return d::record;
  }

  void gauge(String name, Tags tags, DoubleSupplier value) {
    gauges.put(new SeriesKey(name, tags), Objects.requireNonNull(value, "value"));
  }

  double counterValue(String name, Tags tags) {
    LongAdder adder = counters.get(new SeriesKey(name, tags));
    return adder == null ? 0 : adder.sum();
  }

  Distribution timerValue(String name, Tags tags) {
    return timers.get(new SeriesKey(name, tags));
  }

  Distribution histogramValue(String name, Tags tags) {
    return histograms.get(new SeriesKey(name, tags));
  }

  Double gaugeValue(String name, Tags tags) {
    DoubleSupplier supplier = gauges.get(new SeriesKey(name, tags));
    return supplier == null ? null : supplier.getAsDouble();
  }

  void clear() {
    counters.clear();
    timers.clear();
    histograms.clear();
    gauges.clear();
  }
}
