package dev.plinth.jakarta.security;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts claim values between the Java types token libraries return (nimbus: {@link Date}, {@link
 * List}, {@link Map}) and the types MicroProfile JWT defines for injection.
 */
public final class ClaimConversions {
  private ClaimConversions() {}

  /**
   * Returns a claim value with MicroProfile JWT's Java types: dates and instants as epoch seconds,
   * collections of strings as an insertion-ordered {@code Set<String>}, other values unchanged.
   *
   * @param value the value a token library returned; may be null
   * @return the normalized value
   */
  public static Object normalize(Object value) {
    if (value instanceof Date date) {
      return date.toInstant().getEpochSecond();
    }
    if (value instanceof Instant instant) {
      return instant.getEpochSecond();
    }
    if (value instanceof Integer number) {
      return number.longValue();
    }
    if (value instanceof Collection<?> values
        && values.stream().allMatch(String.class::isInstance)) {
      Set<String> strings = new LinkedHashSet<>();
      values.forEach(v -> strings.add((String) v));
      return Collections.unmodifiableSet(strings);
    }
    return value;
  }

  /**
   * Converts a claim value to JSON-P.
   *
   * @param value a normalized claim value; may be null
   * @return the JSON value ({@link JsonValue#NULL} for null)
   */
  public static JsonValue toJson(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof JsonValue json) {
      return json;
    }
    if (value instanceof String text) {
      return Json.createValue(text);
    }
    if (value instanceof Boolean flag) {
      return flag ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value instanceof Number number) {
      return number(number);
    }
    if (value instanceof Date || value instanceof Instant) {
      return toJson(normalize(value));
    }
    if (value instanceof Collection<?> values) {
      JsonArrayBuilder array = Json.createArrayBuilder();
      values.forEach(v -> array.add(toJson(v)));
      return array.build();
    }
    if (value instanceof Map<?, ?> map) {
      JsonObjectBuilder object = Json.createObjectBuilder();
      map.forEach((k, v) -> object.add(String.valueOf(k), toJson(v)));
      return object.build();
    }
    return Json.createValue(value.toString());
  }

  private static JsonValue number(Number number) {
    if (number instanceof Long || number instanceof Integer || number instanceof Short) {
      return Json.createValue(number.longValue());
    }
    if (number instanceof BigInteger big) {
      return Json.createValue(big);
    }
    if (number instanceof BigDecimal decimal) {
      return Json.createValue(decimal);
    }
    return Json.createValue(number.doubleValue());
  }

  /**
   * Reads a claim as a {@code Long}: numbers, JSON numbers and dates (epoch seconds).
   *
   * @param value the claim value; may be null
   * @return the number, or null when absent
   * @throws IllegalArgumentException when the claim is not a number
   */
  public static Long toLong(Object value) {
    Object normalized = normalize(value);
    if (normalized == null) {
      return null;
    }
    if (normalized instanceof Number number) {
      return number.longValue();
    }
    if (normalized instanceof jakarta.json.JsonNumber json) {
      return json.longValue();
    }
    throw new IllegalArgumentException("The claim is not a number");
  }

  /**
   * Reads a claim as a {@code Boolean}: booleans, JSON booleans and the strings true/false.
   *
   * @param value the claim value; may be null
   * @return the flag, or null when absent
   * @throws IllegalArgumentException when the claim is not a boolean
   */
  public static Boolean toBoolean(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Boolean flag) {
      return flag;
    }
    if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
      return value == JsonValue.TRUE;
    }
    if (value instanceof String text && ("true".equals(text) || "false".equals(text))) {
      return Boolean.valueOf(text);
    }
    throw new IllegalArgumentException("The claim is not a boolean");
  }

  /**
   * Reads a claim as a {@code String}: strings and JSON strings; other values as their JSON text.
   *
   * @param value the claim value; may be null
   * @return the text, or null when absent
   */
  public static String toText(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof jakarta.json.JsonString json) {
      return json.getString();
    }
    return toJson(value).toString();
  }

  /**
   * Reads a claim as a {@code Set<String>}: string collections, JSON arrays of strings and a single
   * string (split on spaces, the OAuth form of {@code scp}).
   *
   * @param value the claim value; may be null
   * @return the strings, or null when absent
   * @throws IllegalArgumentException when the claim holds something else
   */
  public static Set<String> toStringSet(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      Set<String> words = new LinkedHashSet<>(List.of(text.trim().split("\\s+")));
      words.remove("");
      return words;
    }
    Collection<?> values =
        value instanceof jakarta.json.JsonArray array
            ? array
            : value instanceof Collection<?> c ? c : null;
    if (values == null) {
      throw new IllegalArgumentException("The claim is not a list of strings");
    }
    Set<String> strings = new LinkedHashSet<>();
    for (Object item : values) {
      strings.add(toText(item));
    }
    return strings;
  }
}
