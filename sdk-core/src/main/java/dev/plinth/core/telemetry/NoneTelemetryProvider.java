package dev.plinth.core.telemetry;

import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.telemetry.TelemetryDriver;
import dev.plinth.spi.telemetry.TelemetryProvider;

/** Provides the {@code none} telemetry, which records nothing ({@link NoopTelemetryDriver}). */
public final class NoneTelemetryProvider implements TelemetryProvider {

  /** Creates the provider (called by {@link java.util.ServiceLoader}). */
  public NoneTelemetryProvider() {}

  @Override
  public String name() {
    return "none";
  }

  @Override
  public String description() {
    return "Telemetry disabled: metrics, spans and events are dropped";
  }

  @Override
  public TelemetryDriver create(ProviderContext context) {
    return new NoopTelemetryDriver();
  }
}
