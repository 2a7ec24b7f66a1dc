package dev.plinth.server.workflow;

import dev.plinth.server.problem.RequestValidationException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;

/** Typed reads of JSON object members that fail with the member's full path. */
final class JsonFields {
  private JsonFields() {}

  static boolean present(JsonObject object, String member) {
    JsonValue value = object.get(member);
    return value != null && value.getValueType() != JsonValue.ValueType.NULL;
  }

  static String requiredString(JsonObject object, String path, String member, int maxLength) {
    if (!present(object, member)) {
      throw new RequestValidationException(path + member, "Required: a non-empty string.");
    }
    return optionalString(object, path, member, maxLength);
  }

  static String optionalString(JsonObject object, String path, String member, int maxLength) {
    if (!present(object, member)) {
      return null;
    }
    if (!(object.get(member) instanceof JsonString text) || text.getString().isBlank()) {
      throw new RequestValidationException(path + member, "Must be a non-empty string.");
    }
    if (text.getString().length() > maxLength) {
      throw new RequestValidationException(
          path + member, "Must be at most " + maxLength + " characters.");
    }
    return text.getString();
  }

  static String optionalEnum(JsonObject object, String path, String member, Set<String> allowed) {
    String value = optionalString(object, path, member, 32);
    if (value != null && !allowed.contains(value)) {
      throw new RequestValidationException(
          path + member, "Must be one of " + new java.util.TreeSet<>(allowed) + ".");
    }
    return value;
  }

  static Long optionalLong(JsonObject object, String path, String member, long min, long max) {
    if (!present(object, member)) {
      return null;
    }
    if (!(object.get(member) instanceof JsonNumber number)
        || !number.isIntegral()
        || number.longValue() < min
        || number.longValue() > max) {
      throw new RequestValidationException(
          path + member, "Must be a whole number from " + min + " to " + max + ".");
    }
    return number.longValue();
  }

  static JsonObject requiredObject(JsonObject object, String path, String member) {
    JsonValue value = object.get(member);
    if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new RequestValidationException(path + member, "Required: a JSON object.");
    }
    return value.asJsonObject();
  }

  static void onlyKnownMembers(JsonObject object, String path, Set<String> known) {
    for (String member : object.keySet()) {
      if (!known.contains(member)) {
        throw new RequestValidationException(
            path + member, "Unknown field; allowed: " + new java.util.TreeSet<>(known) + ".");
      }
    }
  }
}
