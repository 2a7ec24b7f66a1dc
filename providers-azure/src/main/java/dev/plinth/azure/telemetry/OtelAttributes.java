package dev.plinth.azure.telemetry;

import dev.plinth.telemetry.Tags;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.Map;

/** Converts Plinth tags and attribute maps to typed OpenTelemetry attributes. */
final class OtelAttributes {
  private OtelAttributes() {}

  static Attributes of(Tags tags) {
    AttributesBuilder builder = Attributes.builder();
    tags.asMap().forEach(builder::put);
    return builder.build();
  }

  static Attributes of(Map<String, Object> values) {
    AttributesBuilder builder = Attributes.builder();
    if (values != null) {
      values.forEach((key, value) -> put(builder, key, value));
    }
    return builder.build();
  }

  /** Keeps strings, booleans, integers and decimals typed; anything else becomes its string. */
  static void put(AttributesBuilder builder, String key, Object value) {
    if (key == null || value == null) {
      return;
    }
    if (value instanceof String s) {
      builder.put(key, s);
    } else if (value instanceof Boolean b) {
      builder.put(key, b);
    } else if (value instanceof Double || value instanceof Float) {
      builder.put(key, ((Number) value).doubleValue());
    } else if (value instanceof Number n) {
      builder.put(key, n.longValue());
    } else {
      builder.put(key, String.valueOf(value));
    }
  }
}
