package dev.plinth.server.execution;

import dev.plinth.server.execution.steps.StepContext;
import dev.plinth.server.execution.steps.StepRunners;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs an execution's steps in order, starting after the last step whose result is recorded (an
 * attempt after a failure or a delay resumes there; recorded steps are not run again). The results
 * so far are committed before every step with an effect outside the execution ({@code http}, {@code
 * notify}, {@code store}), where a cancel is also noticed, and when a step fails; a run of pure
 * steps ({@code log}, {@code transform}, {@code delay}) is not committed step by step: the caller
 * records the results with the end state or the pause, in one transaction.
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
    STOPPED,
    /** Paused after a delay step until {@link Ended#resumeAt}. */
    PAUSED
  }

  /**
   * The end of a run.
   *
   * @param result completed, stopped or paused
   * @param resultsJson every step result (JSON object text by step name), to record with the end
   * @param resumeAt when a paused run resumes, else null
   */
  record Ended(Result result, String resultsJson, Instant resumeAt) {}

  private final StepRunners runners;

  ExecutionRun(StepRunners runners) {
    this.runners = runners;
  }

  /**
   * Runs the steps after the last recorded one; a step failure propagates as {@link
   * dev.plinth.server.execution.steps.StepFailedException} (or any runtime exception) after the
   * results of the steps before it were recorded.
   *
   * @param execution the execution (definition, parameters and results so far)
   * @param progress where results are recorded
   * @return completed with the results, stopped when cancelled before a step, or paused at a delay
   */
  Ended run(ExecutionEntity execution, Progress progress) {
    JsonObject params = ExecutionJson.parse(execution.paramsJson());
    JsonObject results = ExecutionJson.parse(execution.resultsJson());
    JsonArray steps = ExecutionJson.parse(execution.definitionJson()).getJsonArray("steps");
    boolean unrecorded = false;
    for (int i = firstToRun(steps, results); i < steps.size(); i++) {
      JsonObject step = steps.getJsonObject(i);
      if (unrecorded && runners.needsCheckpoint(step)) {
        unrecorded = false;
        if (!progress.record(results.toString())) {
          return new Ended(Result.STOPPED, results.toString(), null);
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
      Optional<Instant> pause = runners.pauseUntil(step, result);
      if (pause.isPresent()) {
        return new Ended(Result.PAUSED, results.toString(), pause.get());
      }
    }
    return new Ended(Result.COMPLETED, results.toString(), null);
  }

  /**
   * The index of the step after the last one with a recorded result (step names are unique, which
   * the workflow validation enforces), or 0 when none is recorded.
   */
  static int firstToRun(JsonArray steps, JsonObject results) {
    for (int i = steps.size() - 1; i >= 0; i--) {
      if (results.containsKey(steps.getJsonObject(i).getString("name"))) {
        return i + 1;
      }
    }
    return 0;
  }
}
