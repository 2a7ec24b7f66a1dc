package dev.plinth.error;

/**
 * A bearer token was missing or could not be accepted. The {@link Reason} tells why; the message
 * never contains the token.
 */
public class AuthenticationException extends PlinthException {
  private static final long serialVersionUID = 1L;

  /** Why the token was refused. */
  private final Reason reason;

  /** Why a token was refused. */
  public enum Reason {
    /** No token was presented. */
    MISSING,
    /** The token is not a well-formed JWT (or the expected token format). */
    MALFORMED,
    /** The token's {@code exp} is in the past (beyond the allowed clock skew). */
    EXPIRED,
    /** The token's {@code nbf} or {@code iat} is in the future (beyond the allowed clock skew). */
    NOT_YET_VALID,
    /** The signature does not verify. */
    BAD_SIGNATURE,
    /** The signing key ({@code kid}) is not known, even after refreshing the key set. */
    UNKNOWN_KEY,
    /** The signing algorithm is not allowed (for example {@code none} or HMAC). */
    UNSUPPORTED_ALGORITHM,
    /** The {@code aud} claim does not name this application. */
    WRONG_AUDIENCE,
    /** The {@code iss} claim is not an accepted issuer. */
    WRONG_ISSUER,
    /** The token's tenant is not on the allow-list. */
    WRONG_TENANT,
    /**
     * The token was revoked or is of the wrong type (for example a refresh token used as access).
     */
    INVALID_TOKEN
  }

  /**
   * Creates the exception.
   *
   * @param reason why the token was refused
   * @param message a description without the token itself
   */
  public AuthenticationException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /**
   * Creates the exception with a cause.
   *
   * @param reason why the token was refused
   * @param message a description without the token itself
   * @param cause the underlying exception
   */
  public AuthenticationException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /**
   * Returns why the token was refused.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  @Override
  public String code() {
    return "unauthenticated";
  }
}
