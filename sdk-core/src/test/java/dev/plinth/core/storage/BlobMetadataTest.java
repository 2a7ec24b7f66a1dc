package dev.plinth.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.error.InvalidKeyException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlobMetadataTest {

  @Test
  void normalize_lowerCasesNamesAndSorts() {
    assertThat(BlobMetadata.normalize(Map.of("B_Name", "1", "a", "2"), true))
        .containsExactly(Map.entry("a", "2"), Map.entry("b_name", "1"));
  }

  @Test
  void normalize_null_isEmpty() {
    assertThat(BlobMetadata.normalize(null, true)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"content-type", "9lives", "a b", "ünï", "a.b"})
  void normalize_strictNonIdentifierName_explainsAzureRule(String name) {
    assertThatThrownBy(() -> BlobMetadata.normalize(Map.of(name, "v"), true))
        .isInstanceOf(InvalidKeyException.class)
        .hasMessageContaining("C# identifiers")
        .hasMessageContaining("plinth.storage.strict");
  }

  @Test
  void normalize_lenientMode_acceptsAzureIncompatibleEntries() {
    Map<String, String> metadata = Map.of("Content-Id", "café", "big", "x".repeat(9000));
    assertThat(BlobMetadata.normalize(metadata, false)).containsKeys("content-id", "big");
  }

  @Test
  void normalize_duplicateIgnoringCase_isRejectedInBothModes() {
    Map<String, String> metadata = new HashMap<>();
    metadata.put("Tag", "1");
    metadata.put("tag", "2");
    assertThatThrownBy(() -> BlobMetadata.normalize(metadata, true)).hasMessageContaining("'tag'");
    assertThatThrownBy(() -> BlobMetadata.normalize(metadata, false))
        .isInstanceOf(InvalidKeyException.class);
  }

  @Test
  void normalize_nonAsciiValue_namesCharacterAndIndex() {
    assertThatThrownBy(() -> BlobMetadata.normalize(Map.of("n", "caf\u00e9"), true))
        .hasMessageContaining("U+00E9 at index 3")
        .hasMessageContaining("printable ASCII");
  }

  @Test
  void normalize_sizeLimit_countsNamesAndValues() {
    assertThat(BlobMetadata.normalize(Map.of("ab", "x".repeat(8190)), true)).hasSize(1);
    assertThatThrownBy(() -> BlobMetadata.normalize(Map.of("abc", "x".repeat(8190)), true))
        .hasMessageContaining("8193 bytes");
  }

  @Test
  void normalize_nullValueOrEmptyName_isRejected() {
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("n", null);
    assertThatThrownBy(() -> BlobMetadata.normalize(nullValue, false))
        .isInstanceOf(InvalidKeyException.class);
    assertThatThrownBy(() -> BlobMetadata.normalize(Map.of("", "v"), false))
        .isInstanceOf(InvalidKeyException.class);
  }
}
