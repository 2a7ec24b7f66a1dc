package dev.plinth.auth;

import java.time.Instant;

/**
 * Tokens minted by a {@link TokenIssuer}.
 *
 * @param accessToken the bearer token to send in {@code Authorization}
 * @param refreshToken exchange it for new tokens with {@link TokenIssuer#refresh}
 * @param expiresAt when the access token expires
 */
public record IssuedTokens(String accessToken, String refreshToken, Instant expiresAt) {

  @Override
  public String toString() {
    return "IssuedTokens{expiresAt=" + expiresAt + "}"; // never print tokens
  }
}
