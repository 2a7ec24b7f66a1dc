package dev.plinth.server.execution.steps;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code ${...}} placeholders from the parameters and earlier results: {@code
 * ${params.region}}, {@code ${fetch.status}} (step {@code fetch}, member {@code status}), {@code
 * ${fetch}} (the whole result). A string that is exactly one placeholder takes the referenced JSON
 * value (number, object, ...); inside longer text the value is inserted as text. An unknown
 * reference is {@code null} (alone) or empty text.
 */
public final class Templates {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

  private Templates() {}

  /**
   * Fills every string inside a JSON value.
   *
   * @param template the value with placeholders
   * @param context the parameters and results
   * @return the filled value
   */
  public static JsonValue fill(JsonValue template, StepContext context) {
    return switch (template.getValueType()) {
      case STRING -> fillString(((JsonString) template).getString(), context);
      case OBJECT -> fillObject(template.asJsonObject(), context);
      case ARRAY -> fillArray(template.asJsonArray(), context);
      default -> template;
    };
  }

  /**
   * Fills a text; every placeholder becomes text.
   *
   * @param text the text
   * @param context the parameters and results
   * @return the filled text
   */
  public static String fillText(String text, StepContext context) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      JsonValue value = lookup(matcher.group(1), context);
      String replacement =
          value == JsonValue.NULL
              ? ""
              : value instanceof JsonString s ? s.getString() : value.toString();
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static JsonValue fillString(String text, StepContext context) {
    Matcher whole = PLACEHOLDER.matcher(text);
    if (whole.matches()) {
      return lookup(whole.group(1), context);
    }
    return Json.createValue(fillText(text, context));
  }

  private static JsonObject fillObject(JsonObject object, StepContext context) {
    JsonObjectBuilder out = Json.createObjectBuilder();
    object.forEach((name, value) -> out.add(name, fill(value, context)));
    return out.build();
  }

  private static JsonArray fillArray(JsonArray array, StepContext context) {
    JsonArrayBuilder out = Json.createArrayBuilder();
    array.forEach(value -> out.add(fill(value, context)));
    return out.build();
  }

  private static JsonValue lookup(String path, StepContext context) {
    String[] parts = path.split("\\.");
    JsonValue current =
        "params".equals(parts[0]) ? context.params() : context.results().get(parts[0]);
    for (int i = 1; i < parts.length && current != null; i++) {
      current =
          current.getValueType() == JsonValue.ValueType.OBJECT
              ? current.asJsonObject().get(parts[i])
              : null;
    }
    return current == null ? JsonValue.NULL : current;
  }
}
