package dev.plinth.server.execution;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;

/** Renders executions as JSON. */
final class ExecutionJson {
  private ExecutionJson() {}

  static JsonObject full(ExecutionEntity execution) {
    return summaryBuilder(execution)
        .add("params", parse(execution.paramsJson()))
        .add("steps", parse(execution.resultsJson()))
        .build();
  }

  static JsonObject summary(ExecutionEntity execution) {
    return summaryBuilder(execution).build();
  }

  static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  private static JsonObjectBuilder summaryBuilder(ExecutionEntity execution) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", execution.id())
            .add("workflowId", execution.workflowId())
            .add("workflowVersion", execution.workflowVersion())
            .add("status", execution.status().id())
            .add("attempts", execution.attempts())
            .add("createdBy", execution.createdBy())
            .add("createdAt", execution.createdAt().toString());
    optional(json, "startedAt", execution.startedAt());
    optional(json, "finishedAt", execution.finishedAt());
    optional(json, "resumeAt", execution.resumeAt()); // a delay step is pending
    if (execution.error() != null) {
      json.add("error", execution.error());
    }
    return json;
  }

  private static void optional(JsonObjectBuilder json, String name, Instant value) {
    if (value != null) {
      json.add(name, value.toString());
    }
  }
}
