package dev.plinth.error;

/** The backend could not be reached or failed transiently; retrying later may succeed. */
public class ProviderUnavailableException extends PlinthException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do about it
   */
  public ProviderUnavailableException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what happened and what to do about it
   * @param cause the underlying exception
   */
  public ProviderUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }

  @Override
  public String code() {
    return "unavailable";
  }
}
