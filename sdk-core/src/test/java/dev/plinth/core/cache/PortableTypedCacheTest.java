package dev.plinth.core.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.cache.Codec;
import dev.plinth.cache.TypedCache;
import dev.plinth.core.memory.MemoryCacheDriver;
import dev.plinth.error.PlinthException;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.telemetry.Telemetry;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortableTypedCacheTest {
  private static final Codec<Integer> STRICT_INT =
      new Codec<>() {
        @Override
        public byte[] encode(Integer value) {
          return value.toString().getBytes(UTF_8);
        }

        @Override
        public Integer decode(byte[] bytes) {
          return Integer.valueOf(new String(bytes, UTF_8));
        }
      };

  private final PortableCache cache =
      new PortableCache(
          "memory", new MemoryCacheDriver(), Telemetry.noop(), MapPlinthConfig.empty());

  @Test
  void get_undecodableValue_failsNamingKeyNotValue() {
    cache.put("user:1", "secret-email@example.com".getBytes(UTF_8), null);
    TypedCache<Integer> ints = cache.typed(STRICT_INT);
    assertThatThrownBy(() -> ints.get("user:1"))
        .isInstanceOf(PlinthException.class)
        .hasMessageContaining("user:1")
        .hasMessageNotContaining("secret-email");
    assertThatThrownBy(() -> ints.getAll(List.of("user:1"))).isInstanceOf(PlinthException.class);
  }

  @Test
  void getOrLoad_typedLoaderReturnsNull_isEmpty() {
    assertThat(cache.typed(STRICT_INT).getOrLoad("n", null, k -> null)).isEmpty();
    assertThat(cache.typed(STRICT_INT).getOrLoad("n", null, k -> 5)).contains(5);
  }
}
