package dev.plinth.jakarta.health;

import dev.plinth.core.PortName;
import dev.plinth.jakarta.PlatformProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the cache port ({@code plinth-cache} on {@code /health/ready}). */
@Readiness
@ApplicationScoped
public class CacheReadinessCheck extends PortReadinessCheck {

  /**
   * Creates the check.
   *
   * @param producer the platform holder
   */
  @Inject
  public CacheReadinessCheck(PlatformProducer producer) {
    super(PortName.CACHE, producer);
  }

  /** For CDI proxies only. */
  protected CacheReadinessCheck() {
    super(PortName.CACHE, null);
  }
}
