package dev.plinth.auth;

/** Feature names an {@link Authenticator} provider may declare. */
public final class AuthCapabilities {
  /** The provider can mint tokens locally ({@link TokenIssuer}). */
  public static final String TOKEN_ISSUER = "auth.token-issuer";

  /** Signing keys are fetched from and refreshed against a JWKS endpoint. */
  public static final String REMOTE_JWKS = "auth.remote-jwks";

  /** Tokens of several tenants are accepted (with a tenant allow-list). */
  public static final String MULTI_TENANT = "auth.multi-tenant";

  private AuthCapabilities() {}
}
