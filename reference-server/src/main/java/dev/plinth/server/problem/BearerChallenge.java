package dev.plinth.server.problem;

import dev.plinth.error.AuthenticationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * 401 answers for tokens refused inside a resource (e.g. a refresh token at {@code /auth/refresh}),
 * identical to the ones plinth-jakarta's bearer mechanism writes for the {@code Authorization}
 * header: RFC 6750 challenge, {@code unauthenticated} problem with a {@code reason}.
 */
public final class BearerChallenge {
  private BearerChallenge() {}

  /**
   * The answer to a token the authenticator refused.
   *
   * @param e why it was refused
   * @return 401 {@code unauthenticated} with the reason
   */
  public static Response invalidToken(AuthenticationException e) {
    return Problem.of(401, e.code(), "Invalid token", e.getMessage())
        .with("reason", dev.plinth.jakarta.security.BearerChallenge.reason(e))
        .toResponseBuilder()
        .header(
            HttpHeaders.WWW_AUTHENTICATE,
            dev.plinth.jakarta.security.BearerChallenge.INVALID_TOKEN_CHALLENGE)
        .build();
  }
}
