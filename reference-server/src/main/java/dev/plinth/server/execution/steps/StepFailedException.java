package dev.plinth.server.execution.steps;

import dev.plinth.error.PlinthException;

/**
 * A step failed. Retryable failures go back to the queue (backoff, then dead letter); the others
 * end the execution as {@code failed} at once, since running it again cannot help.
 */
public final class StepFailedException extends PlinthException {
  private static final long serialVersionUID = 1L;
  private final boolean retryable;

  /**
   * Creates the exception.
   *
   * @param message what failed, shown as the execution's error
   * @param retryable whether another attempt may succeed
   */
  public StepFailedException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what failed
   * @param retryable whether another attempt may succeed
   * @param cause the cause
   */
  public StepFailedException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  @Override
  public boolean isRetryable() {
    return retryable;
  }

  @Override
  public String code() {
    return "step-failed";
  }
}
