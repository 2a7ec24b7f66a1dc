package dev.plinth.server.auth;

import dev.plinth.auth.Principal;
import dev.plinth.auth.TokenRequest;
import dev.plinth.server.problem.RequestValidationException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the bodies of the token endpoints, naming the field that is wrong. */
final class TokenRequests {
  /** The roles the server knows. */
  static final Set<String> ROLES = Set.of("admin", "user", "viewer");

  private static final long MAX_TTL_SECONDS = 86_400;
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  private TokenRequests() {}

  static TokenRequest parse(JsonObject body) {
    if (body == null) {
      throw new RequestValidationException("body", "Send {\"username\": ..., \"roles\": [...]}.");
    }
    String username = string(body, "username");
    if (!USERNAME.matcher(username).matches()) {
      throw new RequestValidationException(
          "username", "Use 1-64 letters, digits or . _ @ -, e.g. alice.");
    }
    Set<String> roles = new LinkedHashSet<>();
    JsonValue raw = body.get("roles");
    if (raw != null && raw.getValueType() != JsonValue.ValueType.NULL) {
      if (raw.getValueType() != JsonValue.ValueType.ARRAY) {
        throw new RequestValidationException("roles", "Must be an array, e.g. [\"user\"].");
      }
      JsonArray array = raw.asJsonArray();
      for (int i = 0; i < array.size(); i++) {
        JsonValue role = array.get(i);
        if (!(role instanceof JsonString text) || !ROLES.contains(text.getString())) {
          throw new RequestValidationException(
              "roles[" + i + "]", "Unknown role; use admin, user or viewer.");
        }
        roles.add(text.getString());
      }
    }
    return new TokenRequest(
        username, username, null, Principal.Kind.USER, roles, null, null, ttl(body));
  }

  /** Optional {@code ttl_seconds} (1 to 86400): short-lived tokens to try expiry by hand. */
  private static Duration ttl(JsonObject body) {
    JsonValue raw = body.get("ttl_seconds");
    if (raw == null || raw.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(raw instanceof JsonNumber number)
        || !number.isIntegral()
        || number.longValue() < 1
        || number.longValue() > MAX_TTL_SECONDS) {
      throw new RequestValidationException(
          "ttl_seconds", "Must be a whole number of seconds from 1 to " + MAX_TTL_SECONDS + ".");
    }
    return Duration.ofSeconds(number.longValue());
  }

  static String refreshToken(JsonObject body) {
    if (body == null) {
      throw new RequestValidationException("body", "Send {\"refresh_token\": ...}.");
    }
    return string(body, "refresh_token");
  }

  private static String string(JsonObject body, String field) {
    JsonValue value = body.get(field);
    if (!(value instanceof JsonString text) || text.getString().isBlank()) {
      throw new RequestValidationException(field, "Required: a non-empty string.");
    }
    return text.getString();
  }
}
