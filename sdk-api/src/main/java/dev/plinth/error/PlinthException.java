package dev.plinth.error;

/**
 * Root of Plinth's portable, unchecked error hierarchy. Every provider maps its vendor exceptions
 * to a subclass (keeping the vendor exception as the cause), so callers handle errors the same way
 * on every backend.
 */
public class PlinthException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what happened and what to do about it
   */
  public PlinthException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param message what happened and what to do about it
   * @param cause the underlying (often vendor) exception
   */
  public PlinthException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Tells whether retrying the same call later may succeed.
   *
   * @return true for transient failures
   */
  public boolean isRetryable() {
    return false;
  }

  /**
   * A stable, machine-readable code for this kind of error, e.g. {@code not-found}.
   *
   * @return the error code
   */
  public String code() {
    return "internal";
  }
}
