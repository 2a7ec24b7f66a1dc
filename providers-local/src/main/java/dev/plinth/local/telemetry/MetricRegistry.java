package dev.plinth.local.telemetry;

import dev.plinth.telemetry.Counter;
import dev.plinth.telemetry.Histogram;
import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Timer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * Thread-safe, in-memory metrics: counters, latency timers and value histograms with fixed buckets,
 * and sampled gauges. Rendered by {@link PrometheusFormat}.
 */
public final class MetricRegistry {
  /** Bucket upper bounds, in seconds, of every timer. */
  static final double[] SECONDS_BUCKETS = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30
  };

  /** Bucket upper bounds of every value histogram (sizes: 64 B .. 1 GiB, factor 4). */
  static final double[] VALUE_BUCKETS = {
    64,
    256,
    1024,
    4096,
    16384,
    65536,
    262144,
    1048576,
    4194304,
    16777216,
    67108864,
    268435456,
    1073741824
  };

  private final ConcurrentMap<String, Family> families = new ConcurrentHashMap<>();

  /** The kinds of metric families. */
  enum Type {
    COUNTER,
    GAUGE,
    HISTOGRAM
  }

  /**
   * Returns a counter.
   *
   * @param name the metric name
   * @param tags the labels
   * @return the counter
   */
  public Counter counter(String name, Tags tags) {
    CounterSeries series =
        (CounterSeries) family(name, Type.COUNTER).series(tags, CounterSeries::new);
    return series::add;
  }

  /**
   * Returns a timer, recorded in seconds.
   *
   * @param name the metric name
   * @param tags the labels
   * @return the timer
   */
  public Timer timer(String name, Tags tags) {
    HistogramSeries series =
        (HistogramSeries)
            family(name, Type.HISTOGRAM).series(tags, () -> new HistogramSeries(SECONDS_BUCKETS));
    return nanos -> series.record(nanos / 1e9);
  }

  /**
   * Returns a value histogram.
   *
   * @param name the metric name
   * @param tags the labels
   * @return the histogram
   */
  public Histogram histogram(String name, Tags tags) {
    HistogramSeries series =
        (HistogramSeries)
            family(name, Type.HISTOGRAM).series(tags, () -> new HistogramSeries(VALUE_BUCKETS));
    return series::record;
  }

  /**
   * Registers or replaces a gauge.
   *
   * @param name the metric name
   * @param tags the labels
   * @param value sampled on every render
   */
  public void gauge(String name, Tags tags, DoubleSupplier value) {
    family(name, Type.GAUGE).series.put(tags, new GaugeSeries(value));
  }

  /**
   * Returns the current value of a counter.
   *
   * @param name the metric name
   * @param tags the labels
   * @return the count, 0 if never incremented
   */
  public double counterValue(String name, Tags tags) {
    Family f = families.get(name);
    return f != null && f.series.get(tags) instanceof CounterSeries c ? c.value() : 0;
  }

  /**
   * Returns how many values a timer or histogram recorded.
   *
   * @param name the metric name
   * @param tags the labels
   * @return the count, 0 if none
   */
  public long histogramCount(String name, Tags tags) {
    Family f = families.get(name);
    return f != null && f.series.get(tags) instanceof HistogramSeries h ? h.count() : 0;
  }

  /**
   * Samples a gauge.
   *
   * @param name the metric name
   * @param tags the labels
   * @return the value, or null if no such gauge
   */
  public Double gaugeValue(String name, Tags tags) {
    Family f = families.get(name);
    return f != null && f.series.get(tags) instanceof GaugeSeries g ? g.value() : null;
  }

  /**
   * Returns the families sorted by name, for rendering.
   *
   * @return the families
   */
  List<Family> families() {
    List<Family> list = new ArrayList<>(families.values());
    list.sort((a, b) -> a.name.compareTo(b.name));
    return list;
  }

  private Family family(String name, Type type) {
    Family f = families.computeIfAbsent(name, n -> new Family(n, type));
    if (f.type != type) {
      throw new IllegalArgumentException(
          "Metric '" + name + "' is already registered as a " + f.type + ", not a " + type);
    }
    return f;
  }

  /** All series of one metric name. */
  static final class Family {
    final String name;
    final Type type;
    final ConcurrentMap<Tags, Object> series = new ConcurrentHashMap<>();

    Family(String name, Type type) {
      this.name = name;
      this.type = type;
    }

    Object series(Tags tags, java.util.function.Supplier<Object> factory) {
      return series.computeIfAbsent(tags, t -> factory.get());
    }

    Map<Tags, Object> sortedSeries() {
      Map<Tags, Object> sorted = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
      sorted.putAll(series);
      return Collections.unmodifiableMap(sorted);
    }
  }

  /** A counter's value. */
  static final class CounterSeries {
    private final LongAdder value = new LongAdder();

    void add(long amount) {
      if (amount < 0) {
        throw new IllegalArgumentException("A counter only goes up; got " + amount);
      }
      value.add(amount);
    }

    double value() {
      return value.sum();
    }
  }

  /** A gauge's supplier. */
  record GaugeSeries(DoubleSupplier supplier) {
    double value() {
      return supplier.getAsDouble();
    }
  }

  /** Cumulative buckets, count and sum of a histogram. */
  static final class HistogramSeries {
    final double[] bounds;
    private final LongAdder[] buckets;
    private final LongAdder count = new LongAdder();
    private final DoubleAdder sum = new DoubleAdder();

    HistogramSeries(double[] bounds) {
      this.bounds = bounds;
      this.buckets = new LongAdder[bounds.length];
      for (int i = 0; i < bounds.length; i++) {
        buckets[i] = new LongAdder();
      }
    }

    void record(double value) {
      for (int i = 0; i < bounds.length; i++) {
        if (value <= bounds[i]) {
          buckets[i].increment();
          break;
        }
      }
      count.increment();
      sum.add(value);
    }

    long count() {
      return count.sum();
    }

    double sum() {
      return sum.sum();
    }

    /** Returns cumulative counts per bound (the Prometheus {@code le} convention). */
    long[] cumulative() {
      long[] result = new long[bounds.length];
      long running = 0;
      for (int i = 0; i < bounds.length; i++) {
        running += buckets[i].sum();
        result[i] = running;
      }
      return result;
    }
  }
}
