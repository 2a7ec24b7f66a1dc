package dev.plinth.server.problem;

import dev.plinth.error.AuthenticationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/** 401 answers with the RFC 6750 {@code WWW-Authenticate: Bearer} challenge. */
public final class BearerChallenge {
  private static final String REALM = "Bearer realm=\"plinth\"";

  private BearerChallenge() {}

  /**
   * The answer to a request without credentials on a protected route.
   *
   * @return 401 {@code unauthenticated}
   */
  public static Response missingToken() {
    return Problem.of(
            401,
            "unauthenticated",
            "Authentication required",
            "This route needs a bearer token: send 'Authorization: Bearer <token>'.")
        .with("reason", "missing")
        .toResponseBuilder()
        .header(HttpHeaders.WWW_AUTHENTICATE, REALM)
        .build();
  }

  /**
   * The answer to a token the authenticator refused.
   *
   * @param e why it was refused
   * @return 401 {@code unauthenticated} with the reason
   */
  public static Response invalidToken(AuthenticationException e) {
    String reason =
        e.reason() == null ? "invalid_token" : e.reason().name().toLowerCase(Locale.ROOT);
    return Problem.of(401, e.code(), "Invalid token", e.getMessage())
        .with("reason", reason)
        .toResponseBuilder()
        .header(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"invalid_token\"")
        .build();
  }
}
