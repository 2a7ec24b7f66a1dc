package dev.plinth.tck;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cache contract scenarios: getAll and putAll. */
abstract class CacheBatchScenarios extends CacheScenarios {
  @Test
  void getAll_afterPutAll_returnsOnlyPresentKeys() {
    cache().putAll(Map.of(key("a"), bytes("1"), key("b"), bytes("2")), null);
    Map<String, byte[]> found = cache().getAll(List.of(key("a"), key("b"), key("missing")));
    assertThat(found).containsOnlyKeys(key("a"), key("b"));
    assertThat(new String(found.get(key("b")), UTF_8)).isEqualTo("2");
  }

  @Test
  void putAll_500Keys_allReadable() {
    Map<String, byte[]> entries = new HashMap<>();
    for (int i = 0; i < 500; i++) {
      entries.put(key("k" + i), bytes("v" + i));
    }
    cache().putAll(entries, LONG_TTL);
    Map<String, byte[]> found = cache().getAll(entries.keySet());
    assertThat(found).hasSize(500);
    assertThat(new String(found.get(key("k499")), UTF_8)).isEqualTo("v499");
  }

  @Test
  void getAll_emptyCollection_returnsEmptyMap() {
    assertThat(cache().getAll(List.of())).isEmpty();
  }
}
