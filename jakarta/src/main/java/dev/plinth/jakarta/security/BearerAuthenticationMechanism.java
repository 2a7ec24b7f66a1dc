package dev.plinth.jakarta.security;

import dev.plinth.auth.Authenticator;
import dev.plinth.auth.Principal;
import dev.plinth.error.AuthenticationException;
import dev.plinth.error.ProviderUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Jakarta Security mechanism for {@code Authorization: Bearer} tokens, verified through the SDK
 * {@link Authenticator} (dev issuer locally, Entra ID on Azure). The caller reaches the container
 * as a {@link PlinthJsonWebToken} whose groups are the Plinth roles, so the container enforces
 * {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll}.
 *
 * <ul>
 *   <li>no {@code Authorization} header: nothing to do on public resources; on protected ones (or
 *       when the application calls {@code HttpServletRequest.authenticate}, as the JAX-RS runtime
 *       does for {@code @RolesAllowed}) 401 with {@code WWW-Authenticate: Bearer};
 *   <li>a header that is present but refused (not Bearer, malformed, expired, forged, {@code
 *       alg:none}, wrong audience...): 401 with {@code error="invalid_token"} on every resource,
 *       public or not, so a client never silently runs anonymous with a bad token;
 *   <li>the identity provider cannot be reached (e.g. Entra ID's key set): 503 {@code unavailable}
 *       with {@code Retry-After}, so clients retry rather than drop their token.
 * </ul>
 *
 * <p>Every request is verified again (stateless; no session, no cookie). The token is never logged.
 */
@ApplicationScoped
public class BearerAuthenticationMechanism implements HttpAuthenticationMechanism {
  /** The request attribute holding the authenticated {@link PlinthJsonWebToken}. */
  public static final String CALLER_ATTRIBUTE = PlinthJsonWebToken.class.getName();

  private static final Logger LOG = Logger.getLogger(BearerAuthenticationMechanism.class.getName());
  private static final String SCHEME = "bearer ";

  @Inject Authenticator authenticator;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (header == null || header.isBlank()) {
      if (context.isProtected() || context.isAuthenticationRequest()) {
        return fail(response, null);
      }
      return context.doNothing();
    }
    if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return fail(
          response,
          new AuthenticationException(
              AuthenticationException.Reason.MALFORMED,
              "The Authorization header must use the Bearer scheme: 'Authorization: Bearer"
                  + " <token>'."));
    }
    String token = header.substring(SCHEME.length()).trim();
    Principal principal;
    try {
      principal = authenticator.authenticate(token);
    } catch (AuthenticationException refused) {
      return fail(response, refused);
    } catch (ProviderUnavailableException unreachable) {
      LOG.log(
          Level.WARNING,
          "Cannot verify a bearer token: the identity provider is unavailable",
          unreachable);
      try {
        BearerChallenge.providerUnavailable(response);
        response.flushBuffer();
      } catch (IOException clientGone) {
        // status and headers are set all the same
      }
      return AuthenticationStatus.SEND_CONTINUE;
    }
    PlinthJsonWebToken caller = new PlinthJsonWebToken(principal, token);
    request.setAttribute(CALLER_ATTRIBUTE, caller);
    return context.notifyContainerAboutLogin(caller, caller.getGroups());
  }

  /**
   * Writes the 401. A missing token is a failure (the container then answers the protected request
   * with this response). A refused token answers SEND_CONTINUE, "the mechanism wrote the response":
   * containers such as Liberty proceed to an unprotected resource after SEND_FAILURE, but never
   * after SEND_CONTINUE, and a refused token must not run anything.
   */
  private static AuthenticationStatus fail(
      HttpServletResponse response, AuthenticationException refused) {
    try {
      if (refused == null) {
        BearerChallenge.missingToken(response);
      } else {
        BearerChallenge.invalidToken(response, refused);
        response.flushBuffer();
      }
    } catch (IOException e) {
      // The client went away; the status and challenge headers are set all the same.
    }
    return refused == null ? AuthenticationStatus.SEND_FAILURE : AuthenticationStatus.SEND_CONTINUE;
  }
}
