package dev.plinth.jakarta.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimConversionsTest {

  @Test
  @SuppressWarnings("unchecked")
  void normalize_datesToEpochSecondsAndStringListsToSets() {
    Instant at = Instant.parse("2030-01-01T00:00:00Z");

    assertThat(ClaimConversions.normalize(Date.from(at))).isEqualTo(at.getEpochSecond());
    assertThat(ClaimConversions.normalize(at)).isEqualTo(at.getEpochSecond());
    assertThat(ClaimConversions.normalize(7)).isEqualTo(7L);
    assertThat((java.util.Set<Object>) ClaimConversions.normalize(List.of("b", "a")))
        .containsExactly("b", "a");
    assertThat(ClaimConversions.normalize(List.of(1, 2))).isEqualTo(List.of(1, 2));
  }

  @Test
  void toStringSet_splitsTheOAuthScopeString() {
    assertThat(ClaimConversions.toStringSet(" Files.Read  Files.Write "))
        .containsExactly("Files.Read", "Files.Write");
    assertThat(ClaimConversions.toStringSet(Json.createArrayBuilder().add("x").build()))
        .containsExactly("x");
    assertThatThrownBy(() -> ClaimConversions.toStringSet(3L))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toJson_mapsNestedValues() {
    JsonValue json =
        ClaimConversions.toJson(
            Map.of("n", 1L, "d", new BigDecimal("1.5"), "ok", true, "list", List.of("a")));

    assertThat(json.asJsonObject().getJsonNumber("n").longValue()).isEqualTo(1L);
    assertThat(json.asJsonObject().getJsonNumber("d").bigDecimalValue())
        .isEqualByComparingTo("1.5");
    assertThat(json.asJsonObject().getBoolean("ok")).isTrue();
    assertThat(json.asJsonObject().getJsonArray("list").getString(0)).isEqualTo("a");
    assertThat(ClaimConversions.toJson(null)).isEqualTo(JsonValue.NULL);
  }

  @Test
  void toLongAndToText_convertJsonValues() {
    assertThat(ClaimConversions.toLong(Json.createValue(5L))).isEqualTo(5L);
    assertThat(ClaimConversions.toText(Json.createValue("x"))).isEqualTo("x");
    assertThat(ClaimConversions.toText(List.of("a"))).isEqualTo("[\"a\"]");
    assertThatThrownBy(() -> ClaimConversions.toLong("soon"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
