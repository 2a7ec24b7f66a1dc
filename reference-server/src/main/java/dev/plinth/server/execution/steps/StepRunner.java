package dev.plinth.server.execution.steps;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Runs one type of step. */
@FunctionalInterface
public interface StepRunner {
  /**
   * Runs a step.
   *
   * @param step the step definition (validated when the workflow was saved)
   * @param context the execution so far
   * @return the step's result, recorded under its name
   * @throws StepFailedException when the step fails
   */
  JsonValue run(JsonObject step, StepContext context);
}
