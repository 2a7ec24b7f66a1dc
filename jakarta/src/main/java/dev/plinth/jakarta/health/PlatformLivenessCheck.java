package dev.plinth.jakarta.health;

import dev.plinth.jakarta.PlatformProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: the process can serve requests. It checks only that the platform is started, never a
 * backend, so an outage of a dependency makes the instance unready rather than restarted.
 */
@Liveness
@ApplicationScoped
public class PlatformLivenessCheck implements HealthCheck {
  private final PlatformProducer producer;

  /**
   * Creates the check.
   *
   * @param producer the platform holder
   */
  @Inject
  public PlatformLivenessCheck(PlatformProducer producer) {
    this.producer = producer;
  }

  /** For CDI proxies only. */
  protected PlatformLivenessCheck() {
    this.producer = null;
  }

  @Override
  public HealthCheckResponse call() {
    boolean started;
    try {
      started = producer.platform() != null;
    } catch (RuntimeException e) {
      started = false;
    }
    return HealthCheckResponse.named("plinth-platform").status(started).build();
  }
}
