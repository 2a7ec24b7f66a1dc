package dev.plinth.server.execution.steps;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** {@code fail}: fails on purpose (retryable), to exercise retries and dead letters. */
public final class FailStep implements StepRunner {
  @Override
  public JsonValue run(JsonObject step, StepContext context) {
    throw new StepFailedException(
        "Step '"
            + step.getString("name")
            + "' failed: "
            + Templates.fillText(step.getString("message", "fail step"), context),
        true);
  }

  /** Pure: throws; its failure is recorded with the results. */
  @Override
  public boolean pure() {
    return true;
  }
}
