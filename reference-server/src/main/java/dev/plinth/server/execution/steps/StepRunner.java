package dev.plinth.server.execution.steps;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Optional;

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

  /**
   * Tells whether the step only computes (no effect outside the execution, quick), so the results
   * before it need not be committed first: a run of such steps is recorded in one transaction.
   *
   * @return true for pure, quick steps; false (the default) to commit the results before the step
   */
  default boolean pure() {
    return false;
  }

  /**
   * Tells whether the execution pauses after this step, and until when: the attempt ends and a
   * message scheduled for that time resumes the execution at the next step.
   *
   * @param result the step's result (as {@link #run} returned it)
   * @return when to resume, or empty (the default) to go on at once
   */
  default Optional<Instant> pauseUntil(JsonValue result) {
    return Optional.empty();
  }
}
