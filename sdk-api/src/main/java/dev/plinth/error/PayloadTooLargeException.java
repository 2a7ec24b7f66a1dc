package dev.plinth.error;

/**
 * A payload (blob, message, cache value) is larger than the provider's declared limit; nothing was
 * stored or sent. Servers map it to HTTP 413.
 */
public final class PayloadTooLargeException extends PlinthException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do about it
   */
  public PayloadTooLargeException(String message) {
    super(message);
  }

  @Override
  public String code() {
    return "too-large";
  }
}
