package dev.plinth.server.workflow;

import dev.plinth.server.problem.RequestValidationException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;

/** Field rules shared by several step types. */
final class StepRules {
  private StepRules() {}

  static void httpUrl(JsonObject step, String path) {
    String url = JsonFields.requiredString(step, path, "url", 2_000);
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          || uri.getHost() == null) {
        throw new RequestValidationException(
            path + "url", "Must be an absolute http or https URL.");
      }
    } catch (URISyntaxException e) {
      throw new RequestValidationException(path + "url", "Must be a valid URL.");
    }
  }

  static void relativeKey(JsonObject step, String path) {
    String key = JsonFields.requiredString(step, path, "key", 512);
    if (key.startsWith("/") || key.contains("\\") || ("/" + key + "/").contains("/../")) {
      throw new RequestValidationException(
          path + "key", "Must be a relative key without '..' segments, e.g. reports/out.json.");
    }
  }

  static void stringMap(JsonObject step, String path, String member) {
    if (!JsonFields.present(step, member)) {
      return;
    }
    JsonValue value = step.get(member);
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new RequestValidationException(path + member, "Must be an object of strings.");
    }
    for (var entry : value.asJsonObject().entrySet()) {
      if (entry.getValue().getValueType() != JsonValue.ValueType.STRING) {
        throw new RequestValidationException(
            path + member + "." + entry.getKey(), "Must be a string.");
      }
    }
  }
}
