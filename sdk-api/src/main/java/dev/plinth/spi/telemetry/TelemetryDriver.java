package dev.plinth.spi.telemetry;

import dev.plinth.telemetry.Telemetry;

/** A telemetry implementation that can be flushed and closed by the platform. */
public interface TelemetryDriver extends Telemetry, AutoCloseable {

  /** Flushes buffered data and releases resources. */
  @Override
  void close();
}
