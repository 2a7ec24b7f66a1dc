package dev.plinth.azure.telemetry;

import dev.plinth.telemetry.Counter;
import dev.plinth.telemetry.Histogram;
import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Timer;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;

/**
 * Maps Plinth instruments onto OpenTelemetry ones: counters are {@code LongCounter}s, timers {@code
 * DoubleHistogram}s in seconds, histograms {@code DoubleHistogram}s, gauges one {@code
 * ObservableDoubleGauge} per name whose callback samples every registered tag set. Instruments are
 * created once per name; tags become attributes.
 */
final class OtelInstruments {
  /** Latency buckets in seconds, from 1 ms to 10 s (OpenTelemetry's defaults assume ms). */
  static final List<Double> SECONDS_BUCKETS =
      List.of(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);

  private final Meter meter;
  private final Map<String, LongCounter> counters = new ConcurrentHashMap<>();
  private final Map<String, DoubleHistogram> timers = new ConcurrentHashMap<>();
  private final Map<String, DoubleHistogram> histograms = new ConcurrentHashMap<>();
  private final Map<String, Map<Attributes, DoubleSupplier>> gauges = new ConcurrentHashMap<>();

  OtelInstruments(Meter meter) {
    this.meter = meter;
  }

  Counter counter(String name, Tags tags) {
    LongCounter counter = counters.computeIfAbsent(name, n -> meter.counterBuilder(n).build());
    Attributes attributes = OtelAttributes.of(tags);
    return amount -> counter.add(amount, attributes);
  }

  Timer timer(String name, Tags tags) {
    DoubleHistogram histogram =
        timers.computeIfAbsent(
            name,
            n ->
                meter
                    .histogramBuilder(n)
                    .setUnit("s")
                    .setExplicitBucketBoundariesAdvice(SECONDS_BUCKETS)
                    .build());
    Attributes attributes = OtelAttributes.of(tags);
    return nanos -> histogram.record(nanos / 1e9, attributes);
  }

  Histogram histogram(String name, Tags tags) {
    DoubleHistogram histogram =
        histograms.computeIfAbsent(name, n -> meter.histogramBuilder(n).build());
    Attributes attributes = OtelAttributes.of(tags);
    return value -> histogram.record(value, attributes);
  }

  /** Registers or replaces the supplier of one series; the callback is built once per name. */
  void gauge(String name, Tags tags, DoubleSupplier value) {
    gauges
        .computeIfAbsent(
            name,
            n -> {
              Map<Attributes, DoubleSupplier> series = new ConcurrentHashMap<>();
              meter.gaugeBuilder(n).buildWithCallback(m -> sample(series, m));
              return series;
            })
        .put(OtelAttributes.of(tags), value);
  }

  private static void sample(
      Map<Attributes, DoubleSupplier> series, ObservableDoubleMeasurement measurement) {
    series.forEach(
        (attributes, supplier) -> {
          try {
            measurement.record(supplier.getAsDouble(), attributes);
          } catch (RuntimeException e) {
            // A failing supplier loses its own sample, never the other series.
          }
        });
  }
}
