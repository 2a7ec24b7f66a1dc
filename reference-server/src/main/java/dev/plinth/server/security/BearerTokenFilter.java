package dev.plinth.server.security;

import dev.plinth.auth.Authenticator;
import dev.plinth.auth.Principal;
import dev.plinth.error.AuthenticationException;
import dev.plinth.server.problem.BearerChallenge;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * Authenticates {@code Authorization: Bearer} tokens through the SDK {@link Authenticator} (dev
 * issuer locally, Entra ID on Azure) and installs the caller as the request's security context. A
 * request without the header stays anonymous ({@link RolesAllowedFeature} decides whether that is
 * allowed); a header that is present but refused answers 401 at once, on every route.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {
  private static final String SCHEME = "bearer ";

  @Inject Authenticator authenticator;
  @Inject CurrentCaller current;

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      return;
    }
    if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      request.abortWith(
          BearerChallenge.invalidToken(
              new AuthenticationException(
                  AuthenticationException.Reason.MALFORMED,
                  "The Authorization header must use the Bearer scheme: 'Authorization: Bearer"
                      + " <token>'.")));
      return;
    }
    String token = header.substring(SCHEME.length()).trim();
    try {
      Principal principal = authenticator.authenticate(token);
      boolean secure =
          "https".equals(request.getUriInfo().getRequestUri().getScheme().toLowerCase(Locale.ROOT));
      CallerPrincipal caller = new CallerPrincipal(principal, token);
      current.set(caller);
      request.setSecurityContext(new BearerSecurityContext(caller, secure));
    } catch (AuthenticationException e) {
      request.abortWith(BearerChallenge.invalidToken(e));
    }
  }
}
