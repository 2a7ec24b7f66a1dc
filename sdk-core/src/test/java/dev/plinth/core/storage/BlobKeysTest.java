package dev.plinth.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.error.InvalidKeyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BlobKeysTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "a/b/c.txt", ".hidden", "a/..b/c..", "ünï/日本/😀", "with space"})
  void requireValidKey_validKey_returnsIt(String key) {
    assertThat(BlobKeys.requireValidKey(key)).isEqualTo(key);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "../x|'..' segment",
        "a/../b|'..' segment",
        "a/./b|'.' segment",
        "a//b|empty segment",
        "/a|start with '/'",
        "a/|end with '/'",
        "a\\b|'\\'"
      })
  void requireValidKey_invalidKey_namesTheRule(String key, String rule) {
    assertThatThrownBy(() -> BlobKeys.requireValidKey(key))
        .isInstanceOf(InvalidKeyException.class)
        .hasMessageContaining(rule);
  }

  @ParameterizedTest
  @ValueSource(chars = {'\u0000', '\n', '\u001F', '\u007F', '\u0080', '\u009F'})
  void requireValidKey_controlCharacter_isRejectedAndEscapedInMessage(char c) {
    assertThatThrownBy(() -> BlobKeys.requireValidKey("a" + c + "b"))
        .isInstanceOf(InvalidKeyException.class)
        .hasMessageContaining("control character")
        .hasMessageNotContaining(String.valueOf(c));
  }

  @Test
  void requireValidKey_emptyOrNull_isRejected() {
    assertThatThrownBy(() -> BlobKeys.requireValidKey("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> BlobKeys.requireValidKey(null)).hasMessageContaining("empty");
  }

  @Test
  void requireValidKey_lengthLimit_countsUtf8Bytes() {
    assertThat(BlobKeys.requireValidKey("é".repeat(512))).hasSize(512);
    assertThatThrownBy(() -> BlobKeys.requireValidKey("é".repeat(512) + "x"))
        .isInstanceOf(InvalidKeyException.class)
        .hasMessageContaining("1025 bytes");
  }

  @Test
  void requireValidKey_unpairedSurrogate_isRejected() {
    assertThatThrownBy(() -> BlobKeys.requireValidKey("a\uD800b"))
        .isInstanceOf(InvalidKeyException.class)
        .hasMessageContaining("surrogate");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a", "a/", "a/b/", "a/.", "a/..", "x/."})
  void requireValidPrefix_validPrefix_isAccepted(String prefix) {
    assertThat(BlobKeys.requireValidPrefix(prefix)).isEqualTo(prefix);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/a", "a//", "../", "a/../b", "a\\"})
  void requireValidPrefix_invalidPrefix_isRejected(String prefix) {
    assertThatThrownBy(() -> BlobKeys.requireValidPrefix(prefix))
        .isInstanceOf(InvalidKeyException.class)
        .hasMessageStartingWith("List prefix");
  }

  @Test
  void requireValidPrefix_null_meansEmpty() {
    assertThat(BlobKeys.requireValidPrefix(null)).isEmpty();
  }

  @Test
  void describe_longKey_isShortened() {
    assertThat(BlobKeys.describe("k".repeat(500))).hasSize(83).endsWith("...");
  }
}
