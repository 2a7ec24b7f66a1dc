package dev.plinth.jakarta.security;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.ClaimValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Produces {@code @Claim ClaimValue<T>}: a generic bean (CDI matches the injection point's {@code
 * T} to the class's type variable), hence {@code @Dependent}. The value is read from the current
 * request's token on every {@code getValue()}, so it is safe in {@code @ApplicationScoped} beans.
 *
 * @param <T> the value type: one the plain {@link ClaimProducers} serve, or {@code Optional} of it
 */
@Dependent
public class ClaimValueProducer<T> {
  @Inject JsonWebToken token;

  /**
   * Produces the claim value.
   *
   * @param point the injection point
   * @return a claim value bound to the current request's token
   */
  @Produces
  @Claim
  @SuppressWarnings("unchecked")
  public ClaimValue<T> claimValue(InjectionPoint point) {
    return (ClaimValue<T>)
        ClaimInjection.value(
            () -> token, ClaimInjection.claimName(point.getQualifiers()), point.getType());
  }
}
