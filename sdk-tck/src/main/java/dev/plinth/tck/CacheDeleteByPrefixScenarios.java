package dev.plinth.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.error.InvalidKeyException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cache contract scenarios: deleting by key prefix. */
abstract class CacheDeleteByPrefixScenarios extends CacheScenarios {
  @Test
  void deleteByPrefix_deletesOnlyMatchingKeys() {
    cache().put(key("user:1"), bytes("v"), null);
    cache().put(key("user:2"), bytes("v"), LONG_TTL);
    cache().put(key("order:1"), bytes("v"), null);
    assertThat(cache().deleteByPrefix(key("user:"))).isEqualTo(2);
    assertThat(cache().get(key("user:1"))).isEmpty();
    assertThat(cache().get(key("order:1"))).isPresent();
  }

  @Test
  void deleteByPrefix_moreThan1000Keys_deletesAll() {
    Map<String, byte[]> entries = new HashMap<>();
    for (int i = 0; i < 1200; i++) {
      entries.put(key("bulk:" + i), bytes("v"));
    }
    cache().putAll(entries, LONG_TTL);
    cache().put(key("keep"), bytes("v"), LONG_TTL);
    assertThat(cache().deleteByPrefix(key("bulk:"))).isEqualTo(1200);
    assertThat(cache().getAll(entries.keySet())).isEmpty();
    assertThat(cache().get(key("keep"))).isPresent();
  }

  @Test
  void deleteByPrefix_noMatch_returnsZero() {
    assertThat(cache().deleteByPrefix(key("nothing:"))).isZero();
  }

  @Test
  void deleteByPrefix_emptyPrefix_isRejected() {
    assertThatThrownBy(() -> cache().deleteByPrefix("")).isInstanceOf(InvalidKeyException.class);
  }
}
