package dev.plinth.jakarta.health;

import dev.plinth.core.PortName;
import dev.plinth.jakarta.PlatformProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the telemetry port ({@code plinth-telemetry} on {@code /health/ready}). */
@Readiness
@ApplicationScoped
public class TelemetryReadinessCheck extends PortReadinessCheck {

  /**
   * Creates the check.
   *
   * @param producer the platform holder
   */
  @Inject
  public TelemetryReadinessCheck(PlatformProducer producer) {
    super(PortName.TELEMETRY, producer);
  }

  /** For CDI proxies only. */
  protected TelemetryReadinessCheck() {
    super(PortName.TELEMETRY, null);
  }
}
