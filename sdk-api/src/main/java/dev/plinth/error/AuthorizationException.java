package dev.plinth.error;

/** The caller is authenticated but lacks the role or scope the operation needs. */
public class AuthorizationException extends PlinthException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do about it
   */
  public AuthorizationException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what happened and what to do about it
   * @param cause the underlying exception
   */
  public AuthorizationException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean isRetryable() {
    return false;
  }

  @Override
  public String code() {
    return "forbidden";
  }
}
