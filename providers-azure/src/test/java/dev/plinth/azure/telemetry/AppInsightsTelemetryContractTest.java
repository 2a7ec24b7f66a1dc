package dev.plinth.azure.telemetry;

import dev.plinth.spi.ProviderContext;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.tck.TelemetryContract;
import dev.plinth.tck.TelemetryProbe;
import dev.plinth.telemetry.Telemetry;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the telemetry contract against the app-insights provider end to end: the real OpenTelemetry
 * SDK and Azure Monitor exporter post to a local ingestion server, and the probe reads spans,
 * events and metrics back from the envelopes it received.
 */
class AppInsightsTelemetryContractTest extends TelemetryContract {
  private static IngestionServer server;
  private static AppInsightsTelemetryDriver driver;

  @BeforeAll
  static void startExporterAgainstLocalIngestion() throws IOException {
    server = IngestionServer.start();
    Map<String, String> config =
        Map.of(
            "plinth.telemetry.app-insights.connection-string",
            server.connectionString(UUID.randomUUID().toString()),
            "plinth.telemetry.app-insights.export-interval",
            "500ms",
            "plinth.telemetry.app-insights.live-metrics",
            "false");
    driver =
        (AppInsightsTelemetryDriver)
            new AppInsightsTelemetryProvider()
                .create(
                    new ProviderContext(
                        "telemetry", new MapPlinthConfig(config), Telemetry.noop()));
  }

  @AfterAll
  static void stop() {
    driver.close();
    server.close();
  }

  @Override
  protected Telemetry telemetry() {
    return driver;
  }

  @Override
  protected TelemetryProbe probe() {
    return new EnvelopeProbe(server, driver);
  }
}
