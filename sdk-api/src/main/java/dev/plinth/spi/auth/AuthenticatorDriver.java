package dev.plinth.spi.auth;

import dev.plinth.auth.Principal;
import dev.plinth.spi.Driver;

/**
 * Verifies a token. sdk-core strips the {@code Bearer } prefix, rejects empty tokens and records
 * metrics; the driver verifies signature, issuer, audience, lifetime and maps claims.
 */
public interface AuthenticatorDriver extends Driver {

  /**
   * Verifies a token.
   *
   * @param token the raw token (no {@code Bearer } prefix), not blank
   * @return the principal
   * @throws dev.plinth.error.AuthenticationException with a reason when the token is refused
   */
  Principal authenticate(String token);
}
