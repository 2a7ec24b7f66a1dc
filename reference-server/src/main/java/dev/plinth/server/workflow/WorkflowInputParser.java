package dev.plinth.server.workflow;

import dev.plinth.server.problem.RequestValidationException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a workflow request body and names the first invalid field as a JSON path ({@code
 * definition.steps[1].type}). Read-only members a client may echo back from a GET are ignored.
 */
final class WorkflowInputParser {
  /** The only definition schema version so far. */
  static final int SCHEMA_VERSION = 1;

  private static final int MAX_STEPS = 100;
  private static final Pattern STEP_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Set<String> MEMBERS =
      Set.of(
          "name", "status", "definition", "id", "version", "createdAt", "updatedAt", "createdBy");
  private static final Set<String> DEFINITION_MEMBERS = Set.of("schemaVersion", "steps");

  private WorkflowInputParser() {}

  static WorkflowInput parse(JsonObject body) {
    if (body == null) {
      throw new RequestValidationException("body", "Send a workflow as a JSON object.");
    }
    JsonFields.onlyKnownMembers(body, "", MEMBERS);
    String name = JsonFields.requiredString(body, "", "name", 200);
    String statusText = JsonFields.optionalString(body, "", "status", 16);
    WorkflowStatus status =
        statusText == null
            ? WorkflowStatus.DRAFT
            : WorkflowStatus.parse(statusText)
                .orElseThrow(
                    () ->
                        new RequestValidationException(
                            "status", "Must be one of draft, active, archived."));
    JsonObject definition = JsonFields.requiredObject(body, "", "definition");
    validateDefinition(definition);
    return new WorkflowInput(name.trim(), status, definition);
  }

  private static void validateDefinition(JsonObject definition) {
    String path = "definition.";
    JsonFields.onlyKnownMembers(definition, path, DEFINITION_MEMBERS);
    JsonFields.optionalLong(definition, path, "schemaVersion", SCHEMA_VERSION, SCHEMA_VERSION);
    JsonValue steps = definition.get("steps");
    if (steps == null || steps.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new RequestValidationException(path + "steps", "Required: an array of steps.");
    }
    JsonArray array = steps.asJsonArray();
    if (array.isEmpty() || array.size() > MAX_STEPS) {
      throw new RequestValidationException(
          path + "steps", "Must hold from 1 to " + MAX_STEPS + " steps.");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      validateStep(array.get(i), path + "steps[" + i + "]", names);
    }
  }

  private static void validateStep(JsonValue value, String path, Set<String> names) {
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new RequestValidationException(path, "Each step must be a JSON object.");
    }
    JsonObject step = value.asJsonObject();
    String prefix = path + ".";
    String name = JsonFields.requiredString(step, prefix, "name", 64);
    if (!STEP_NAME.matcher(name).matches()) {
      throw new RequestValidationException(
          prefix + "name", "Use 1-64 letters, digits, '_' or '-'.");
    }
    if (!names.add(name)) {
      throw new RequestValidationException(prefix + "name", "Step names must be unique.");
    }
    String typeText = JsonFields.requiredString(step, prefix, "type", 32);
    StepType type =
        StepType.parse(typeText)
            .orElseThrow(
                () ->
                    new RequestValidationException(
                        prefix + "type",
                        "Unknown step type '"
                            + typeText
                            + "'; use one of "
                            + StepType.ids()
                            + "."));
    type.validate(step, prefix);
  }
}
