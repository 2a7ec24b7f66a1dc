package dev.plinth.azure.telemetry;

import com.azure.monitor.opentelemetry.autoconfigure.AzureMonitorAutoConfigure;
import com.azure.monitor.opentelemetry.autoconfigure.AzureMonitorAutoConfigureOptions;
import dev.plinth.error.ConfigurationException;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.resources.Resource;
import java.time.Duration;
import java.util.Map;

/**
 * Builds the OpenTelemetry SDK that exports to Application Insights through {@code
 * azure-monitor-opentelemetry-autoconfigure} — the supported replacement of the deprecated {@code
 * azure-monitor-opentelemetry-exporter}, whose exporter builder is only reachable through the SDK
 * autoconfigure customizer.
 */
final class AzureMonitorSdk {
  /** Spans and log records are batched at most this long, whatever the metric interval. */
  static final Duration MAX_BATCH_DELAY = Duration.ofSeconds(5);

  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  private static final String EXPORTER = "azure_monitor";

  private AzureMonitorSdk() {}

  /**
   * Builds and starts the SDK. It is not registered as the global OpenTelemetry and installs no
   * shutdown hook: the platform closes the driver.
   *
   * @param settings the validated settings
   * @param status where export outcomes are recorded
   * @return the started SDK
   * @throws ConfigurationException if OpenTelemetry rejects its environment configuration
   */
  static OpenTelemetrySdk start(AppInsightsSettings settings, ExportStatus status) {
    AutoConfiguredOpenTelemetrySdkBuilder builder =
        AutoConfiguredOpenTelemetrySdk.builder()
            .disableShutdownHook()
            .setServiceClassLoader(AzureMonitorSdk.class.getClassLoader())
            // Added before the Azure customizer, which captures the resource it is handed.
            .addResourceCustomizer(
                (resource, config) ->
                    resource.merge(
                        Resource.create(Attributes.of(SERVICE_NAME, settings.roleName()))))
            .addPropertiesCustomizer(config -> properties(settings));
    AzureMonitorAutoConfigure.customize(
        builder,
        new AzureMonitorAutoConfigureOptions().connectionString(settings.connectionString()));
    builder
        .addSamplerCustomizer((sampler, config) -> new SampleRateSampler(settings.samplingRatio()))
        .addSpanExporterCustomizer((exporter, config) -> TrackedExporters.spans(exporter, status))
        .addMetricExporterCustomizer(
            (exporter, config) -> TrackedExporters.metrics(exporter, status))
        .addLogRecordExporterCustomizer(
            (exporter, config) -> TrackedExporters.logs(exporter, status));
    try {
      return builder.build().getOpenTelemetrySdk();
    } catch (io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException e) {
      // Raised for bad OTEL_* variables; the connection string travels in options, not in them.
      throw new ConfigurationException(
          "plinth.telemetry.provider",
          "OpenTelemetry rejected its configuration for the app-insights provider: "
              + e.getMessage()
              + ". Check the OTEL_* environment variables and otel.* system properties.",
          e);
    }
  }

  /**
   * Properties that win over {@code OTEL_*} environment variables: this provider always exports to
   * Azure Monitor at the configured pace.
   */
  private static Map<String, String> properties(AppInsightsSettings settings) {
    long intervalMillis = Math.max(1, settings.exportInterval().toMillis());
    long batchDelayMillis = Math.min(intervalMillis, MAX_BATCH_DELAY.toMillis());
    return Map.of(
        "otel.traces.exporter", EXPORTER,
        "otel.metrics.exporter", EXPORTER,
        "otel.logs.exporter", EXPORTER,
        "otel.metric.export.interval", Long.toString(intervalMillis),
        "otel.bsp.schedule.delay", Long.toString(batchDelayMillis),
        "otel.blrp.schedule.delay", Long.toString(batchDelayMillis),
        "applicationinsights.live.metrics.enabled", Boolean.toString(settings.liveMetrics()));
  }
}
