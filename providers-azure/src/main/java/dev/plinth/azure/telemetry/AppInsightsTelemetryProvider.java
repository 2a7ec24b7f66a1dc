package dev.plinth.azure.telemetry;

import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.telemetry.TelemetryDriver;
import dev.plinth.spi.telemetry.TelemetryProvider;

/**
 * The {@code app-insights} telemetry provider: OpenTelemetry SDK + Azure Monitor exporter. Settings
 * (see {@link AppInsightsSettings}): {@code APPLICATIONINSIGHTS_CONNECTION_STRING} or {@code
 * plinth.telemetry.app-insights.connection-string} (required), {@code
 * plinth.telemetry.app-insights.role-name}, {@code .sampling-ratio}, {@code .export-interval} and
 * {@code .live-metrics}.
 */
public final class AppInsightsTelemetryProvider implements TelemetryProvider {

  /** Creates the provider; {@link java.util.ServiceLoader} calls it. */
  public AppInsightsTelemetryProvider() {}

  @Override
  public String name() {
    return "app-insights";
  }

  @Override
  public String description() {
    return "Azure Application Insights via OpenTelemetry and the Azure Monitor exporter";
  }

  @Override
  public TelemetryDriver create(ProviderContext context) {
    return new AppInsightsTelemetryDriver(AppInsightsSettings.from(context));
  }
}
