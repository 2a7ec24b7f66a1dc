package dev.plinth.error;

/** The object already exists and the operation required that it did not. */
public class AlreadyExistsException extends PlinthException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do about it
   */
  public AlreadyExistsException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what happened and what to do about it
   * @param cause the underlying exception
   */
  public AlreadyExistsException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean isRetryable() {
    return false;
  }

  @Override
  public String code() {
    return "already-exists";
  }
}
