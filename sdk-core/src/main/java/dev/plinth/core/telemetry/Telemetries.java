package dev.plinth.core.telemetry;

import dev.plinth.telemetry.Telemetry;

/** Helpers the portable types share to keep telemetry cheap on hot paths. */
public final class Telemetries {
  private Telemetries() {}

  /**
   * Tells whether a telemetry records nothing: {@link Telemetry#noop()} or the {@code none}
   * provider. Hot paths then skip clock reads and span bookkeeping whose results would be dropped.
   *
   * @param telemetry the telemetry a port was given
   * @return true if every instrument and span it hands out is a no-op
   */
  public static boolean isNoop(Telemetry telemetry) {
    return telemetry == Telemetry.noop() || telemetry instanceof NoopTelemetryDriver;
  }
}
