package dev.plinth.server.execution.steps;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** {@code transform}: its {@code output} object with every placeholder filled (see Templates). */
public final class TransformStep implements StepRunner {
  @Override
  public JsonValue run(JsonObject step, StepContext context) {
    return Templates.fill(step.getJsonObject("output"), context);
  }

  /** Pure: computes from params and results. */
  @Override
  public boolean pure() {
    return true;
  }
}
