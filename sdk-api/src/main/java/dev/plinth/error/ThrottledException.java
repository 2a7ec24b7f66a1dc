package dev.plinth.error;

import java.time.Duration;
import java.util.Optional;

/** The backend refused the call because of a rate or quota limit; retry after the given delay. */
public class ThrottledException extends PlinthException {
  private static final long serialVersionUID = 1L;
  private final transient Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param message what was throttled
   * @param retryAfter how long to wait before retrying, or null if unknown
   * @param cause the underlying exception, or null
   */
  public ThrottledException(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /**
   * Returns how long to wait before retrying, when the backend said so.
   *
   * @return the delay, or empty
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }

  @Override
  public String code() {
    return "throttled";
  }
}
