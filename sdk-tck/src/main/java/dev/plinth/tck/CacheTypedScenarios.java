package dev.plinth.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.cache.Codec;
import dev.plinth.cache.TypedCache;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cache contract scenarios: typed views through a codec. */
abstract class CacheTypedScenarios extends CacheScenarios {
  @Test
  void typed_stringCodec_roundTrips() {
    TypedCache<String> strings = cache().typed(Codec.utf8());
    strings.put(key("s"), "grüße ✓", null);
    assertThat(strings.get(key("s"))).contains("grüße ✓");
    assertThat(cache().get(key("s")))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("grüße ✓")));
  }

  @Test
  void typed_getAllAndGetOrLoad_decode() {
    TypedCache<String> strings = cache().typed(Codec.utf8());
    strings.putAll(Map.of(key("a"), "1", key("b"), "2"), null);
    assertThat(strings.getAll(List.of(key("a"), key("b"), key("c"))))
        .containsExactlyInAnyOrderEntriesOf(Map.of(key("a"), "1", key("b"), "2"));
    assertThat(strings.getOrLoad(key("c"), null, k -> "loaded")).contains("loaded");
    assertThat(strings.get(key("c"))).contains("loaded");
  }
}
