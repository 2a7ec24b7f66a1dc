package dev.plinth.local.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PropertyNamesTest {
  private static final List<String> NAMES =
      List.of(
          "plinth-attempt",
          "traceparent",
          "a.b.c",
          "under_score",
          "__double",
          "x_Hy",
          "ünïcødé",
          "with space",
          "NULL",
          "JMSXGroupID",
          "emoji-\uD83D\uDE00",
          "");

  @Test
  void encode_anyName_decodesToTheSameName() {
    for (String name : NAMES) {
      assertThat(PropertyNames.decode(PropertyNames.encode(name))).contains(name);
    }
  }

  @Test
  void encode_anyName_givesAJavaIdentifierWithThePrefix() {
    for (String name : NAMES) {
      String encoded = PropertyNames.encode(name);
      assertThat(encoded).startsWith(PropertyNames.PREFIX);
      assertThat(Character.isJavaIdentifierStart(encoded.charAt(0))).isTrue();
      assertThat(encoded.chars().allMatch(Character::isJavaIdentifierPart)).isTrue();
    }
  }

  @Test
  void encode_dashedName_isReadable() {
    assertThat(PropertyNames.encode("plinth-attempt")).isEqualTo("P_plinth_Hattempt");
  }

  @Test
  void decode_nameWithoutPrefix_isNotAnApplicationProperty() {
    assertThat(PropertyNames.decode("JMSXDeliveryCount")).isEmpty();
    assertThat(PropertyNames.decode("PLINTH_ID")).isEmpty();
  }

  @Test
  void decode_malformedEscape_isRejected() {
    assertThat(PropertyNames.decode("P_bad_")).isEmpty();
    assertThat(PropertyNames.decode("P_bad_Q")).isEmpty();
    assertThat(PropertyNames.decode("P_bad_u12")).isEmpty();
  }
}
