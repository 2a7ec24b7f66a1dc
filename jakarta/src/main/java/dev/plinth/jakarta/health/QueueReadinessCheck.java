package dev.plinth.jakarta.health;

import dev.plinth.core.PortName;
import dev.plinth.jakarta.PlatformProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the queue port ({@code plinth-queue} on {@code /health/ready}). */
@Readiness
@ApplicationScoped
public class QueueReadinessCheck extends PortReadinessCheck {

  /**
   * Creates the check.
   *
   * @param producer the platform holder
   */
  @Inject
  public QueueReadinessCheck(PlatformProducer producer) {
    super(PortName.QUEUE, producer);
  }

  /** For CDI proxies only. */
  protected QueueReadinessCheck() {
    super(PortName.QUEUE, null);
  }
}
