package dev.plinth.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Cache contract scenarios: get and put. */
abstract class CacheGetPutScenarios extends CacheScenarios {
  @Test
  void get_afterPut_returnsValue() {
    cache().put(key("a"), bytes("hello"), null);
    assertThat(cache().get(key("a")))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("hello")));
  }

  @Test
  void put_existingKey_overwrites() {
    cache().put(key("a"), bytes("one"), null);
    cache().put(key("a"), bytes("two"), null);
    assertThat(cache().get(key("a")).map(String::new)).contains("two");
  }

  @Test
  void put_binaryValues_roundTripExactly() {
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    cache().put(key("all"), all, null);
    cache().put(key("empty"), new byte[0], null);
    assertThat(cache().get(key("all"))).hasValueSatisfying(v -> assertThat(v).isEqualTo(all));
    assertThat(cache().get(key("empty"))).hasValueSatisfying(v -> assertThat(v).isEmpty());
  }

  @Test
  void get_missingKey_returnsEmpty() {
    assertThat(cache().get(key("missing"))).isEmpty();
  }

  @Test
  void put_zeroOrNegativeTtl_isRejectedPointingToNull() {
    assertThatThrownBy(() -> cache().put(key("a"), bytes("v"), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("null");
    assertThatThrownBy(() -> cache().put(key("a"), bytes("v"), Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(cache().get(key("a"))).isEmpty();
  }
}
