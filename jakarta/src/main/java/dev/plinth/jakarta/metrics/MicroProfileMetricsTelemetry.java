package dev.plinth.jakarta.metrics;

import dev.plinth.core.telemetry.ForwardingTelemetry;
import dev.plinth.jakarta.metrics.BridgedInstruments.BridgedCounter;
import dev.plinth.jakarta.metrics.BridgedInstruments.BridgedHistogram;
import dev.plinth.jakarta.metrics.BridgedInstruments.BridgedTimer;
import dev.plinth.telemetry.Counter;
import dev.plinth.telemetry.Histogram;
import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Telemetry;
import dev.plinth.telemetry.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * A {@link Telemetry} that records every metric to the configured Plinth telemetry provider AND to
 * a MicroProfile {@link MetricRegistry}, under the same name and tags, so the SDK's metrics (and
 * the application's own, recorded through {@code Telemetry}) appear on the server's {@code
 * /metrics}. Counters, timers, histograms and gauges are bridged; spans, events, health and {@code
 * unwrap} go to the provider only.
 *
 * <p>Install it with {@code Platform.builder().decorateTelemetry(t -> new
 * MicroProfileMetricsTelemetry(t, registry))} so that the SDK's own port metrics pass through it
 * ({@code MicroProfileMetricsCustomizer} does this in a CDI application). Series are registered on
 * first use and kept, like the registries do. A series the registry refuses is recorded by the
 * provider only and logged once.
 */
public final class MicroProfileMetricsTelemetry extends ForwardingTelemetry {
  private final MpInstruments registry;
  private final Map<Series, Counter> counters = new ConcurrentHashMap<>();
  private final Map<Series, Timer> timers = new ConcurrentHashMap<>();
  private final Map<Series, Histogram> histograms = new ConcurrentHashMap<>();
  private final Map<Series, GaugeSlot> gauges = new ConcurrentHashMap<>();

  /**
   * Bridges a telemetry to a registry.
   *
   * @param delegate the configured telemetry, which keeps receiving everything
   * @param registry where the metrics are copied, typically the application-scope registry
   */
  public MicroProfileMetricsTelemetry(Telemetry delegate, MetricRegistry registry) {
    super(delegate);
    this.registry = new MpInstruments(registry);
  }

  @Override
  public Counter counter(String name, Tags tags) {
    return counters.computeIfAbsent(
        new Series(name, tags),
        s -> new BridgedCounter(delegate().counter(name, tags), registry.counter(name, tags)));
  }

  @Override
  public Timer timer(String name, Tags tags) {
    return timers.computeIfAbsent(
        new Series(name, tags),
        s -> new BridgedTimer(delegate().timer(name, tags), registry.timer(name, tags)));
  }

  @Override
  public Histogram histogram(String name, Tags tags) {
    return histograms.computeIfAbsent(
        new Series(name, tags),
        s ->
            new BridgedHistogram(delegate().histogram(name, tags), registry.histogram(name, tags)));
  }

  @Override
  public void gauge(String name, Tags tags, DoubleSupplier value) {
    delegate().gauge(name, tags, value);
    Series series = new Series(name, tags);
    GaugeSlot existing = gauges.get(series);
    if (existing != null) {
      existing.replace(value);
      return;
    }
    GaugeSlot slot = new GaugeSlot(value);
    GaugeSlot raced = gauges.putIfAbsent(series, slot);
    if (raced != null) {
      raced.replace(value);
    } else {
      registry.gauge(name, tags, slot);
    }
  }

  @Override
  public String toString() {
    return "MicroProfileMetricsTelemetry{" + delegate() + "}";
  }

  private record Series(String name, Tags tags) {}
}
