package dev.plinth.server.execution;

import dev.plinth.server.execution.steps.StepContext;
import dev.plinth.server.execution.steps.StepRunners;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** Runs an execution's steps in order, recording each result before the next step starts. */
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

  private final StepRunners runners;

  ExecutionRun(StepRunners runners) {
    this.runners = runners;
  }

  /**
   * Runs every step; a step failure propagates as {@link
   * dev.plinth.server.execution.steps.StepFailedException}.
   *
   * @param execution the execution (definition and parameters)
   * @param progress where results are recorded
   * @return completed, or stopped when cancelled between steps
   */
  Result run(ExecutionEntity execution, Progress progress) {
    JsonObject params = ExecutionJson.parse(execution.paramsJson());
    JsonObject results = JsonValue.EMPTY_JSON_OBJECT;
    for (JsonValue value : ExecutionJson.parse(execution.definitionJson()).getJsonArray("steps")) {
      JsonObject step = value.asJsonObject();
      JsonValue result = runners.run(step, new StepContext(execution.id(), params, results));
      JsonObjectBuilder next =
          Json.createObjectBuilder(results).add(step.getString("name"), result);
      results = next.build();
      if (!progress.record(results.toString())) {
        return Result.STOPPED;
      }
    }
    return Result.COMPLETED;
  }
}
