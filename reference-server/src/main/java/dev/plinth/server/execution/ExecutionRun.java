package dev.plinth.server.execution;

import dev.plinth.server.execution.steps.StepContext;
import dev.plinth.server.execution.steps.StepRunners;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Runs an execution's steps in order. The results so far are committed before every step with an
 * effect outside the execution ({@code http}, {@code notify}, {@code store}, {@code delay}), where
 * a cancel is also noticed, and when a step fails; a run of pure steps ({@code log}, {@code
 * transform}) is not committed step by step: the caller records the final results together with the
 * end state, in one transaction.
 */
final class ExecutionRun {
  /** Persists the results so far; false when the execution is no longer running (cancelled). */
  @FunctionalInterface
  interface Progress {
    boolean record(String resultsJson);
  }

  /** How a run ended without a step failure. */
  enum Result {
    /** Every step ran. */
    COMPLETED,
    /** Stopped before a step because the execution was cancelled. */
    STOPPED
  }

  /**
   * The end of a run.
   *
   * @param result completed or stopped
   * @param resultsJson every step result (JSON object text by step name), to record with the end
   */
  record Ended(Result result, String resultsJson) {}

  private final StepRunners runners;

  ExecutionRun(StepRunners runners) {
    this.runners = runners;
  }

  /**
   * Runs every step; a step failure propagates as {@link
   * dev.plinth.server.execution.steps.StepFailedException} (or any runtime exception) after the
   * results of the steps before it were recorded.
   *
   * @param execution the execution (definition and parameters)
   * @param progress where results are recorded
   * @return completed with the results, or stopped when cancelled before a step
   */
  Ended run(ExecutionEntity execution, Progress progress) {
    JsonObject params = ExecutionJson.parse(execution.paramsJson());
    JsonObject results = JsonValue.EMPTY_JSON_OBJECT;
    boolean unrecorded = false;
    for (JsonValue value : ExecutionJson.parse(execution.definitionJson()).getJsonArray("steps")) {
      JsonObject step = value.asJsonObject();
      if (unrecorded && runners.needsCheckpoint(step)) {
        unrecorded = false;
        if (!progress.record(results.toString())) {
          return new Ended(Result.STOPPED, results.toString());
        }
      }
      JsonValue result;
      try {
        result = runners.run(step, new StepContext(execution.id(), params, results));
      } catch (RuntimeException e) {
        if (unrecorded) {
          progress.record(results.toString()); // the failure is recorded after what succeeded
        }
        throw e;
      }
      results = Json.createObjectBuilder(results).add(step.getString("name"), result).build();
      unrecorded = true;
    }
    return new Ended(Result.COMPLETED, results.toString());
  }
}
