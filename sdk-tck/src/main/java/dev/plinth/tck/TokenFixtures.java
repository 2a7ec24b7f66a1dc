package dev.plinth.tck;

import dev.plinth.auth.TokenRequest;

/**
 * Tokens an {@link AuthenticatorContract} subclass supplies for its provider: one valid token per
 * request and one token for each refusal reason. Tokens must be acceptable to the authenticator
 * under test in every respect except the one each method names.
 */
public interface TokenFixtures {

  /**
   * Returns a valid access token.
   *
   * @param request the subject, roles, scopes, kind and lifetime the token must carry
   * @return the raw token (without {@code Bearer })
   */
  String valid(TokenRequest request);

  /**
   * Returns a token whose expiry is well in the past (beyond any clock skew).
   *
   * @return the token
   */
  String expired();

  /**
   * Returns a token whose signature does not verify (for example one altered character).
   *
   * @return the token
   */
  String badSignature();

  /**
   * Returns a correctly signed token for another audience.
   *
   * @return the token
   */
  String wrongAudience();

  /**
   * Returns a correctly signed token from another issuer.
   *
   * @return the token
   */
  String wrongIssuer();

  /**
   * Returns an unsigned token whose header says {@code alg: none}.
   *
   * @return the token
   */
  String algNone();

  /**
   * Returns text that is not a token at all.
   *
   * @return the malformed token
   */
  String malformed();
}
