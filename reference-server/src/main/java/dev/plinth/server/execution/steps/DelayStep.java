package dev.plinth.server.execution.steps;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;

/**
 * {@code delay}: waits {@code durationMs}, capped by the server's maximum so one execution cannot
 * hold a worker thread for long (a workflow may ask for up to 5 minutes; the cap applies).
 */
public final class DelayStep implements StepRunner {
  private final Duration max;

  /**
   * Creates the runner.
   *
   * @param max the longest wait
   */
  public DelayStep(Duration max) {
    this.max = max;
  }

  @Override
  public JsonValue run(JsonObject step, StepContext context) {
    long millis = Math.min(step.getJsonNumber("durationMs").longValue(), max.toMillis());
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepFailedException("Delay interrupted (server stopping); will retry.", true, e);
    }
    return Json.createObjectBuilder().add("delayedMs", millis).build();
  }
}
