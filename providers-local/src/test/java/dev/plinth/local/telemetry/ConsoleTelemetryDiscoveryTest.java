package dev.plinth.local.telemetry;

import dev.plinth.spi.PlinthProvider;
import dev.plinth.spi.telemetry.TelemetryProvider;
import dev.plinth.tck.ProviderDiscoveryContract;
import java.util.Map;

class ConsoleTelemetryDiscoveryTest extends ProviderDiscoveryContract {

  @Override
  protected Class<? extends PlinthProvider<?>> spiType() {
    return TelemetryProvider.class;
  }

  @Override
  protected String providerName() {
    return "console";
  }

  @Override
  protected Map<String, String> minimalConfig() {
    return Map.of();
  }
}
