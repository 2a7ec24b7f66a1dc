package dev.plinth.server.execution.steps;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * {@code delay}: waits {@code durationMs} (capped by the server's maximum) without holding a worker
 * thread. The results before it are committed first (a cancel is noticed there, as before any step
 * that is not pure); its result {@code {"delayedMs": n, "until": "<instant>"}} is recorded with the
 * pause, the attempt ends and a message scheduled for {@code until} resumes the execution at the
 * next step (see {@link #pauseUntil}).
 */
public final class DelayStep implements StepRunner {
  private final Duration max;
  private final Clock clock;

  /**
   * Creates the runner.
   *
   * @param max the longest wait
   * @param clock the time the wait starts from
   */
  public DelayStep(Duration max, Clock clock) {
    this.max = max;
    this.clock = clock;
  }

  @Override
  public JsonValue run(JsonObject step, StepContext context) {
    long millis = Math.min(step.getJsonNumber("durationMs").longValue(), max.toMillis());
    // Milliseconds: the database and the message carry the same instant.
    Instant until = clock.instant().truncatedTo(ChronoUnit.MILLIS).plusMillis(millis);
    return Json.createObjectBuilder()
        .add("delayedMs", millis)
        .add("until", until.toString())
        .build();
  }

  /**
   * Pauses until the delay's end; a zero delay goes on at once.
   *
   * @param result the delay's result
   * @return {@code until}, or empty for a zero delay
   */
  @Override
  public Optional<Instant> pauseUntil(JsonValue result) {
    JsonObject delay = result.asJsonObject();
    return delay.getJsonNumber("delayedMs").longValue() <= 0
        ? Optional.empty()
        : Optional.of(Instant.parse(delay.getString("until")));
  }
}
