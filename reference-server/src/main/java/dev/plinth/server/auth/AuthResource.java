package dev.plinth.server.auth;

import dev.plinth.auth.Authenticator;
import dev.plinth.auth.IssuedTokens;
import dev.plinth.auth.Principal;
import dev.plinth.auth.TokenIssuer;
import dev.plinth.auth.TokenRequest;
import dev.plinth.server.security.CallerPrincipal;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Token endpoints of the dev issuer ({@code /auth/token}, {@code /auth/refresh}: 404 when the
 * configured auth provider cannot mint tokens, e.g. Entra ID) and {@code /auth/me}.
 */
@Path("/auth")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {
  @Inject Authenticator authenticator;
  @Inject JsonWebToken jwt;

  /**
   * Issues an access and a refresh token for a user and roles (dev profile only).
   *
   * @param body {@code {"username": "alice", "roles": ["user"]}}
   * @return the tokens
   */
  @POST
  @Path("/token")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject token(JsonObject body) {
    TokenIssuer issuer = issuer();
    TokenRequest request = TokenRequests.parse(body);
    return TokenJson.of(issuer.issue(request));
  }

  /**
   * Exchanges a refresh token for new tokens; the refresh token is rotated.
   *
   * @param body {@code {"refresh_token": "..."}}
   * @return the new tokens
   */
  @POST
  @Path("/refresh")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject refresh(JsonObject body) {
    TokenIssuer issuer = issuer();
    IssuedTokens tokens = issuer.refresh(TokenRequests.refreshToken(body));
    return TokenJson.of(tokens);
  }

  /**
   * Describes the caller.
   *
   * @param security the request's security context
   * @return subject, name, tenant, kind, roles, scopes, expiry and issuer
   */
  @GET
  @Path("/me")
  @RolesAllowed({"admin", "user", "viewer"})
  public JsonObject me(@Context SecurityContext security) {
    Principal principal = ((CallerPrincipal) security.getUserPrincipal()).plinth();
    return PrincipalJson.of(principal, jwt.getIssuer());
  }

  private TokenIssuer issuer() {
    return findIssuer()
        .orElseThrow(
            () ->
                new NotFoundException(
                    "The auth provider cannot issue tokens; get tokens from your identity"
                        + " provider."));
  }

  private Optional<TokenIssuer> findIssuer() {
    try {
      return Optional.of(authenticator.unwrap(TokenIssuer.class));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
