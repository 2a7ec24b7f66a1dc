package dev.plinth.server.auth;

import dev.plinth.auth.Authenticator;
import dev.plinth.auth.IssuedTokens;
import dev.plinth.auth.TokenIssuer;
import dev.plinth.auth.TokenRequest;
import dev.plinth.server.security.CurrentCaller;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.ClaimValue;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Token endpoints of the dev issuer ({@code /auth/token}, {@code /auth/refresh}: 404 when the
 * configured auth provider cannot mint tokens, e.g. Entra ID) and {@code /auth/me}, built from
 * MicroProfile JWT injection ({@code @Inject JsonWebToken}, {@code @Claim}) that plinth-jakarta
 * serves for every auth provider. Request scoped, so plain {@code @Claim} values are this
 * request's.
 */
@Path("/auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {
  @Inject Authenticator authenticator;
  @Inject JsonWebToken jwt;
  @Inject CurrentCaller caller;

  @Inject
  @Claim("oid")
  String subject;

  @Inject
  @Claim(standard = Claims.groups)
  Set<String> roles;

  @Inject
  @Claim("scp")
  Set<String> scopes;

  @Inject
  @Claim("name")
  Provider<Optional<String>> name;

  @Inject
  @Claim(standard = Claims.email)
  Optional<String> email;

  @Inject
  @Claim("tid")
  Optional<String> tenant;

  @Inject
  @Claim(standard = Claims.exp)
  Instance<Long> expiresAt;

  @Inject
  @Claim(standard = Claims.iat)
  ClaimValue<Optional<Long>> issuedAt;

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
   * Describes the caller from its claims.
   *
   * @return subject, kind, roles, scopes, name, e-mail, tenant, issuer, expiry and issue time
   */
  @GET
  @Path("/me")
  @RolesAllowed({"admin", "user", "viewer"})
  public JsonObject me() {
    String kind =
        caller.get().map(c -> c.principal().kind().name().toLowerCase(Locale.ROOT)).orElse("user");
    return new PrincipalJson(
            subject,
            kind,
            roles,
            scopes,
            name.get(),
            email,
            tenant,
            jwt.getIssuer(),
            expiresAt.get(),
            issuedAt.getValue())
        .toJson();
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
