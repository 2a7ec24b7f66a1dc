package dev.plinth.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityTagsTest {

  @Test
  void header_quotesUnquotedAndKeepsQuotedTags() {
    assertThat(EntityTags.header("abc")).isEqualTo("\"abc\"");
    assertThat(EntityTags.header("\"0x8D\"")).isEqualTo("\"0x8D\"");
  }

  @Test
  void matches_comparesWeaklyAgainstAListOrStar() {
    assertThat(EntityTags.matches("\"abc\"", "abc")).isTrue();
    assertThat(EntityTags.matches("W/\"abc\"", "abc")).isTrue();
    assertThat(EntityTags.matches("\"x\", \"abc\"", "\"abc\"")).isTrue();
    assertThat(EntityTags.matches("*", "abc")).isTrue();
    assertThat(EntityTags.matches("\"abd\"", "abc")).isFalse();
    assertThat(EntityTags.matches(null, "abc")).isFalse();
    assertThat(EntityTags.matches(" ", "abc")).isFalse();
  }
}
