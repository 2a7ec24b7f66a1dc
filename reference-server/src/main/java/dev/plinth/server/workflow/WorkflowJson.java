package dev.plinth.server.workflow;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;

/** Renders workflows as JSON. */
final class WorkflowJson {
  private WorkflowJson() {}

  static JsonObject full(WorkflowEntity workflow) {
    return summaryBuilder(workflow).add("definition", definition(workflow)).build();
  }

  static JsonObject summary(WorkflowEntity workflow) {
    return summaryBuilder(workflow).build();
  }

  private static JsonObjectBuilder summaryBuilder(WorkflowEntity workflow) {
    return Json.createObjectBuilder()
        .add("id", workflow.id())
        .add("name", workflow.name())
        .add("status", workflow.status().id())
        .add("version", workflow.version())
        .add("stepCount", definition(workflow).getJsonArray("steps").size())
        .add("createdBy", workflow.createdBy())
        .add("createdAt", workflow.createdAt().toString())
        .add("updatedAt", workflow.updatedAt().toString());
  }

  private static JsonObject definition(WorkflowEntity workflow) {
    try (JsonReader reader = Json.createReader(new StringReader(workflow.definitionJson()))) {
      return reader.readObject();
    }
  }
}
