package dev.plinth.server.execution.steps;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class TemplatesTest {
  private final StepContext context =
      new StepContext(
          "e1",
          json("{\"who\":\"ada\",\"n\":3}"),
          json("{\"fetch\":{\"status\":200,\"body\":{\"items\":[1,2]}}}"));

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  @Test
  void fill_wholePlaceholder_keepsTheJsonType() {
    JsonValue filled =
        Templates.fill(
            json("{\"n\":\"${params.n}\",\"body\":\"${fetch.body}\",\"s\":\"${fetch.status}\"}"),
            context);

    assertThat(filled).isEqualTo(json("{\"n\":3,\"body\":{\"items\":[1,2]},\"s\":200}"));
  }

  @Test
  void fill_placeholderInsideText_insertsText() {
    assertThat(Templates.fill(Json.createValue("hi ${params.who}, got ${fetch.status}"), context))
        .isEqualTo(Json.createValue("hi ada, got 200"));
  }

  @Test
  void fill_unknownReference_isNullAloneAndEmptyInText() {
    assertThat(Templates.fill(Json.createValue("${nope.x}"), context)).isEqualTo(JsonValue.NULL);
    assertThat(Templates.fillText("[${params.missing}]", context)).isEqualTo("[]");
  }

  @Test
  void fill_nestedArraysAndObjects_areFilled() {
    assertThat(Templates.fill(json("{\"a\":[{\"b\":\"${params.who}\"},5,true]}"), context))
        .isEqualTo(json("{\"a\":[{\"b\":\"ada\"},5,true]}"));
  }
}
