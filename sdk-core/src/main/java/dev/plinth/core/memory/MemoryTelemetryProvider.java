package dev.plinth.core.memory;

import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.telemetry.TelemetryDriver;
import dev.plinth.spi.telemetry.TelemetryProvider;

/**
 * Provides the {@code memory} telemetry ({@link RecordingTelemetry}). Setting: {@code
 * plinth.telemetry.memory.max-records} (default 10000) spans and events kept.
 */
public final class MemoryTelemetryProvider implements TelemetryProvider {

  /** Creates the provider (called by {@link java.util.ServiceLoader}). */
  public MemoryTelemetryProvider() {}

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public String description() {
    return "In-memory recording telemetry for tests (metrics, spans and events queryable)";
  }

  @Override
  public TelemetryDriver create(ProviderContext context) {
    long max =
        context
            .config()
            .getLong(context.key("memory.max-records"), RecordingTelemetry.DEFAULT_MAX_RECORDS);
    if (max < 1 || max > Integer.MAX_VALUE) {
      throw dev.plinth.config.PlinthConfig.invalid(
          context.key("memory.max-records"), String.valueOf(max), "a positive integer, e.g. 10000");
    }
    return new RecordingTelemetry((int) max);
  }
}
