package dev.plinth.error;

/**
 * A conditional operation's condition (for example {@code ifMatch}) did not hold; nothing was
 * changed.
 */
public class PreconditionFailedException extends PlinthException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do about it
   */
  public PreconditionFailedException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what happened and what to do about it
   * @param cause the underlying exception
   */
  public PreconditionFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean isRetryable() {
    return false;
  }

  @Override
  public String code() {
    return "precondition-failed";
  }
}
