package dev.plinth.auth;

import dev.plinth.Port;

/**
 * Verifies bearer tokens and turns them into a {@link Principal}. A token that cannot be accepted
 * always fails with {@link dev.plinth.error.AuthenticationException} and a reason code (expired,
 * bad signature, wrong audience, ...), never with a generic error.
 */
public interface Authenticator extends Port {

  /**
   * Verifies a token.
   *
   * @param bearerToken the token, with or without a leading {@code Bearer }
   * @return who the token represents
   * @throws dev.plinth.error.AuthenticationException if the token is missing or not acceptable
   * @throws dev.plinth.error.ProviderUnavailableException if the keys cannot be fetched and none
   *     are cached
   */
  Principal authenticate(String bearerToken);
}
