package dev.plinth.auth;

/**
 * Mints tokens locally (the dev provider). A production provider (Entra ID) has none: tokens come
 * from the identity provider. Obtain it with {@code authenticator.unwrap(TokenIssuer.class)}.
 */
public interface TokenIssuer {

  /**
   * Returns the issuer URI written into {@code iss}.
   *
   * @return the issuer
   */
  String issuer();

  /**
   * Issues an access token and a refresh token.
   *
   * @param request who the token is for and what it grants
   * @return the tokens
   */
  IssuedTokens issue(TokenRequest request);

  /**
   * Exchanges a refresh token for new tokens (the refresh token is rotated).
   *
   * @param refreshToken a refresh token from {@link #issue} or an earlier refresh
   * @return the new tokens
   * @throws dev.plinth.error.AuthenticationException if the refresh token is not acceptable
   */
  IssuedTokens refresh(String refreshToken);

  /**
   * Returns the public keys as a JWKS document (JSON), for any standard JWT verifier.
   *
   * @return the JWKS JSON
   */
  String jwksJson();

  /**
   * Returns the OpenID Connect discovery document (JSON).
   *
   * @param jwksUri the absolute URL at which {@link #jwksJson()} is served
   * @return the discovery JSON
   */
  String discoveryJson(String jwksUri);

  /**
   * Starts signing with a new key; tokens signed with the previous key stay valid during the
   * configured grace period.
   *
   * @return the new key id
   */
  String rotateKeys();
}
