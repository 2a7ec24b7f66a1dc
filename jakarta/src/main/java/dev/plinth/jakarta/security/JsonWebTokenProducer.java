package dev.plinth.jakarta.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Makes {@code @Inject JsonWebToken} work without the {@code mpJwt} feature: the request's caller
 * as {@link BearerAuthenticationMechanism} authenticated it, or an empty token (no name, no claims,
 * no groups) for anonymous requests. Found through the request attribute the mechanism sets, else
 * through Jakarta Security's {@link SecurityContext#getPrincipalsByType}.
 */
@ApplicationScoped
public class JsonWebTokenProducer {
  @Inject Instance<HttpServletRequest> request;
  @Inject Instance<SecurityContext> security;

  /**
   * Produces the caller's token for the current request.
   *
   * @return the caller, or an empty token
   */
  @Produces
  @RequestScoped
  public JsonWebToken jsonWebToken() {
    return find(() -> request.get(), () -> security.get()).orElse(AnonymousJsonWebToken.INSTANCE);
  }

  /**
   * Finds the authenticated caller.
   *
   * @param request the current HTTP request (may fail outside an HTTP request)
   * @param security the Jakarta Security context (may fail when unavailable)
   * @return the caller, or empty for an anonymous request
   */
  static Optional<JsonWebToken> find(
      Supplier<HttpServletRequest> request, Supplier<SecurityContext> security) {
    try {
      if (request.get().getAttribute(BearerAuthenticationMechanism.CALLER_ATTRIBUTE)
          instanceof JsonWebToken caller) {
        return Optional.of(caller);
      }
    } catch (RuntimeException notInHttpRequest) {
      // e.g. a request scope opened by a managed executor: ask the security context instead
    }
    try {
      return security.get().getPrincipalsByType(JsonWebToken.class).stream().findFirst();
    } catch (RuntimeException unavailable) {
      return Optional.empty();
    }
  }
}
