package dev.plinth.server.execution;

import dev.plinth.server.problem.RequestValidationException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** Parses the body and headers of a create-execution request. */
final class ExecutionInput {
  static final int MAX_PARAMS_CHARS = 64 * 1024;
  static final int MAX_KEY_LENGTH = 255;

  private ExecutionInput() {}

  /**
   * Returns the parameters of a body {@code {"params": {...}}}; an empty body means no parameters.
   *
   * @param body the request body text, or null
   * @return the parameters as JSON object text
   * @throws RequestValidationException naming the bad field
   */
  static String params(String body) {
    if (body == null || body.isBlank()) {
      return "{}";
    }
    JsonObject object;
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      object = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new RequestValidationException("body", "Must be a JSON object like {\"params\": {}}.");
    }
    for (String member : object.keySet()) {
      if (!"params".equals(member)) {
        throw new RequestValidationException(member, "Unknown field; allowed: [params].");
      }
    }
    JsonValue params = object.getOrDefault("params", JsonValue.EMPTY_JSON_OBJECT);
    if (params.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new RequestValidationException("params", "Must be a JSON object.");
    }
    String text = params.toString();
    if (text.length() > MAX_PARAMS_CHARS) {
      throw new RequestValidationException(
          "params", "Must be at most " + MAX_PARAMS_CHARS + " characters of JSON.");
    }
    return text;
  }

  /**
   * Validates an {@code Idempotency-Key}: 1 to 255 visible ASCII characters.
   *
   * @param key the header value, or null
   * @return the key, or null when absent
   * @throws RequestValidationException when malformed
   */
  static String idempotencyKey(String key) {
    if (key == null) {
      return null;
    }
    boolean valid =
        !key.isEmpty()
            && key.length() <= MAX_KEY_LENGTH
            && key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    if (!valid) {
      throw new RequestValidationException(
          "Idempotency-Key", "Must be 1 to 255 visible ASCII characters, e.g. a UUID.");
    }
    return key;
  }
}
