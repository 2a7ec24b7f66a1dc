package dev.plinth.jakarta.health;

import dev.plinth.core.PortName;
import dev.plinth.jakarta.PlatformProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the auth port ({@code plinth-auth} on {@code /health/ready}). */
@Readiness
@ApplicationScoped
public class AuthReadinessCheck extends PortReadinessCheck {

  /**
   * Creates the check.
   *
   * @param producer the platform holder
   */
  @Inject
  public AuthReadinessCheck(PlatformProducer producer) {
    super(PortName.AUTH, producer);
  }

  /** For CDI proxies only. */
  protected AuthReadinessCheck() {
    super(PortName.AUTH, null);
  }
}
