package dev.plinth.server.execution.steps;

import dev.plinth.queue.MessageQueue;
import dev.plinth.storage.BlobStore;
import dev.plinth.telemetry.Telemetry;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The runner of every step type, by type id. */
public final class StepRunners {
  private final Map<String, StepRunner> runners;

  /**
   * Creates the runners from explicit ones (tests).
   *
   * @param runners runner by step type id
   */
  public StepRunners(Map<String, StepRunner> runners) {
    this.runners = Map.copyOf(runners);
  }

  /**
   * Creates the standard runners on the SDK ports.
   *
   * @param telemetry for {@code log}
   * @param queue for {@code notify}
   * @param storage for {@code store}
   * @param maxDelay the cap of {@code delay}
   * @param allowedHosts the hosts {@code http} may call
   * @return the runners
   */
  public static StepRunners standard(
      Telemetry telemetry,
      MessageQueue queue,
      BlobStore storage,
      Duration maxDelay,
      Set<String> allowedHosts) {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER) // a redirect could leave the allow-list
            .build();
    return new StepRunners(
        Map.of(
            "log", new LogStep(telemetry),
            "transform", new TransformStep(),
            "delay", new DelayStep(maxDelay, Clock.systemUTC()),
            "http", new HttpStep(client, allowedHosts),
            "notify", new NotifyStep(queue),
            "store", new StoreStep(storage),
            "fail", new FailStep()));
  }

  /**
   * Tells whether the results so far must be committed before this step runs (any step that is not
   * {@link StepRunner#pure}; an unknown type fails, and a failure records them anyway).
   *
   * @param step the step definition
   * @return true to record the results first
   */
  public boolean needsCheckpoint(JsonObject step) {
    StepRunner runner = runners.get(step.getString("type", ""));
    return runner != null && !runner.pure();
  }

  /**
   * Runs one step with the runner of its type.
   *
   * @param step the step definition
   * @param context the execution so far
   * @return the step result
   * @throws StepFailedException when the step fails or its type is unknown
   */
  public JsonValue run(JsonObject step, StepContext context) {
    StepRunner runner = runners.get(step.getString("type", ""));
    if (runner == null) {
      throw new StepFailedException(
          "Step '" + step.getString("name", "?") + "' has an unknown type.", false);
    }
    return runner.run(step, context);
  }

  /**
   * Tells whether the execution pauses after a step (see {@link StepRunner#pauseUntil}).
   *
   * @param step the step definition
   * @param result the step's result
   * @return when to resume, or empty to go on at once
   */
  public Optional<Instant> pauseUntil(JsonObject step, JsonValue result) {
    StepRunner runner = runners.get(step.getString("type", ""));
    return runner == null ? Optional.empty() : runner.pauseUntil(result);
  }
}
