package dev.plinth.core.testing;

import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.telemetry.TelemetryDriver;
import dev.plinth.spi.telemetry.TelemetryProvider;

/** Test-only {@code recording} provider of the telemetry port. */
public final class RecordingTelemetryProvider implements TelemetryProvider {

  @Override
  public String name() {
    return "recording";
  }

  @Override
  public String description() {
    return "Test telemetry driver that logs its lifecycle";
  }

  @Override
  public TelemetryDriver create(ProviderContext context) {
    return RecordingDrivers.create(TelemetryDriver.class, context);
  }
}
