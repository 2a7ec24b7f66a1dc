package dev.plinth.server.security;

import dev.plinth.jakarta.security.BearerAuthenticationMechanism;
import dev.plinth.jakarta.security.PlinthJsonWebToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The caller of the current request as plinth-jakarta's bearer mechanism authenticated it, for code
 * that wants the SDK principal (kind, Entra group ids) rather than claims; {@code @Inject
 * JsonWebToken} and {@code @Claim} serve everything else.
 */
@RequestScoped
public class CurrentCaller {
  @Inject HttpServletRequest request;

  /**
   * Returns the caller.
   *
   * @return the authenticated caller, or empty for an anonymous request
   */
  public Optional<PlinthJsonWebToken> get() {
    return request.getAttribute(BearerAuthenticationMechanism.CALLER_ATTRIBUTE)
            instanceof PlinthJsonWebToken caller
        ? Optional.of(caller)
        : Optional.empty();
  }
}
