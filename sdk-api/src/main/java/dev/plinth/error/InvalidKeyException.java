package dev.plinth.error;

/** A key, name or metadata entry breaks the portable naming rules; the message says which rule. */
public class InvalidKeyException extends PlinthException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do about it
   */
  public InvalidKeyException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what happened and what to do about it
   * @param cause the underlying exception
   */
  public InvalidKeyException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean isRetryable() {
    return false;
  }

  @Override
  public String code() {
    return "invalid-key";
  }
}
