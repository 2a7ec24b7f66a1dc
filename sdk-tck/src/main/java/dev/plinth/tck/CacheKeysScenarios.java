package dev.plinth.tck;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.error.InvalidKeyException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cache contract scenarios: portable key rules. */
abstract class CacheKeysScenarios extends CacheScenarios {
  @Test
  void put_invalidKeys_areRejected() {
    List<String> invalid =
        new ArrayList<>(
            List.of("", key("with space"), key("tab\t"), key("nl\n"), key("nul\u0000")));
    invalid.add(key("é".repeat(257)));
    for (String bad : invalid) {
      assertThatThrownBy(() -> cache().put(bad, bytes("v"), null))
          .as("key %s", bad.replaceAll("\\p{Cntrl}", "?"))
          .isInstanceOf(InvalidKeyException.class);
    }
  }

  @Test
  void put_512ByteKey_isAccepted() {
    String longest = key("x".repeat(512 - key("").getBytes(UTF_8).length));
    cache().put(longest, bytes("v"), null);
    assertThat(cache().get(longest)).isPresent();
    assertThatThrownBy(() -> cache().get(longest + "x")).isInstanceOf(InvalidKeyException.class);
  }

  @Test
  void put_unicodeKey_isAccepted() {
    cache().put(key("ключ/ü/✓"), bytes("v"), null);
    assertThat(cache().get(key("ключ/ü/✓"))).isPresent();
  }
}
