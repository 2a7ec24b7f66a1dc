package dev.plinth.jakarta.health;

import dev.plinth.core.PortName;
import dev.plinth.jakarta.PlatformProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the storage port ({@code plinth-storage} on {@code /health/ready}). */
@Readiness
@ApplicationScoped
public class StorageReadinessCheck extends PortReadinessCheck {

  /**
   * Creates the check.
   *
   * @param producer the platform holder
   */
  @Inject
  public StorageReadinessCheck(PlatformProducer producer) {
    super(PortName.STORAGE, producer);
  }

  /** For CDI proxies only. */
  protected StorageReadinessCheck() {
    super(PortName.STORAGE, null);
  }
}
