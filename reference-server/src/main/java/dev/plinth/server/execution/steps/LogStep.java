package dev.plinth.server.execution.steps;

import dev.plinth.telemetry.Telemetry;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;

/** {@code log}: emits a telemetry event {@code plinth.execution.log} with the filled message. */
public final class LogStep implements StepRunner {
  /** The telemetry event name. */
  public static final String EVENT = "plinth.execution.log";

  private final Telemetry telemetry;

  /**
   * Creates the runner.
   *
   * @param telemetry where events go
   */
  public LogStep(Telemetry telemetry) {
    this.telemetry = telemetry;
  }

  @Override
  public JsonValue run(JsonObject step, StepContext context) {
    String message = Templates.fillText(step.getString("message"), context);
    String level = step.getString("level", "info");
    telemetry.event(
        EVENT,
        Map.of(
            "executionId",
            context.executionId(),
            "step",
            step.getString("name"),
            "level",
            level,
            "message",
            message));
    return Json.createObjectBuilder().add("logged", message).add("level", level).build();
  }

  /** Pure: a telemetry event, no state. */
  @Override
  public boolean pure() {
    return true;
  }
}
