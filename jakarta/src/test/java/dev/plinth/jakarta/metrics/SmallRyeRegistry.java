package dev.plinth.jakarta.metrics;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.smallrye.metrics.legacyapi.LegacyMetricRegistryAdapter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * A real MicroProfile Metrics 5.1 application registry (SmallRye Metrics, on Micrometer like
 * Liberty's mpMetrics-5.1) with a Prometheus view of it. SmallRye registers meters in Micrometer's
 * global registry, so {@link #close()} detaches and clears it between tests.
 */
final class SmallRyeRegistry implements AutoCloseable {
  private final PrometheusMeterRegistry prometheus =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MetricRegistry registry;

  SmallRyeRegistry() {
    Metrics.addRegistry(prometheus);
    registry = new LegacyMetricRegistryAdapter(MetricRegistry.APPLICATION_SCOPE, prometheus);
  }

  MetricRegistry registry() {
    return registry;
  }

  /** Renders the registry as Prometheus text, as {@code /metrics} would. */
  String scrape() {
    return prometheus.scrape();
  }

  @Override
  public void close() {
    Metrics.removeRegistry(prometheus);
    Metrics.globalRegistry.clear();
    prometheus.close();
  }
}
