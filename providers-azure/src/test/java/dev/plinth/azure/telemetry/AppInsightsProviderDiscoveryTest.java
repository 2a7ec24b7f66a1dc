package dev.plinth.azure.telemetry;

import dev.plinth.spi.PlinthProvider;
import dev.plinth.spi.telemetry.TelemetryProvider;
import dev.plinth.tck.ProviderDiscoveryContract;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The app-insights provider is discoverable and its driver reports and closes idempotently. */
class AppInsightsProviderDiscoveryTest extends ProviderDiscoveryContract {
  private static IngestionServer server;

  @BeforeAll
  static void startIngestion() throws IOException {
    server = IngestionServer.start();
  }

  @AfterAll
  static void stopIngestion() {
    server.close();
  }

  @Override
  protected Class<? extends PlinthProvider<?>> spiType() {
    return TelemetryProvider.class;
  }

  @Override
  protected String providerName() {
    return "app-insights";
  }

  @Override
  protected Map<String, String> minimalConfig() {
    return Map.of(
        AppInsightsSettings.CONNECTION_STRING_ENV,
        server.connectionString(UUID.randomUUID().toString()),
        "plinth.telemetry.app-insights.live-metrics",
        "false");
  }
}
