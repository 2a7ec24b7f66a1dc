package dev.plinth.server.workflow;

import java.time.Duration;

/** Limits of step fields that the execution side relies on too. */
public final class StepLimits {
  /**
   * The longest {@code durationMs} a {@code delay} step may ask for, and the default of {@code
   * plinth.server.steps.max-delay}: a day (a pending delay holds no worker thread, only a scheduled
   * message).
   */
  public static final Duration MAX_DELAY = Duration.ofHours(24);

  private StepLimits() {}
}
