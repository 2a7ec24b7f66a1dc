package dev.plinth.tck;

import static dev.plinth.tck.CacheContractSupport.concurrently;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.tck.CacheContractSupport.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cache contract scenarios: atomic counters. */
abstract class CacheIncrementScenarios extends CacheScenarios {
  @Test
  void increment_newCounter_startsAtDelta() {
    assertThat(cache().increment(key("c"), 5, null)).isEqualTo(5);
    assertThat(cache().increment(key("c"), 2, null)).isEqualTo(7);
  }

  @Test
  void increment_negativeDelta_decrements() {
    cache().increment(key("c"), 3, null);
    assertThat(cache().increment(key("c"), -5, null)).isEqualTo(-2);
  }

  @Test
  void increment_counter_isReadableAsDecimalText() {
    cache().increment(key("c"), 42, null);
    assertThat(cache().get(key("c")).map(v -> new String(v, UTF_8))).contains("42");
  }

  @Test
  void increment_16ThreadsTimes1000_exactSum() throws Exception {
    List<Result<Long>> results =
        concurrently(
            16,
            () -> {
              long last = 0;
              for (int i = 0; i < 1000; i++) {
                last = cache().increment(key("c"), 1, LONG_TTL);
              }
              return last;
            });
    assertThat(results).extracting(Result::error).containsOnlyNulls();
    assertThat(cache().increment(key("c"), 0, null)).isEqualTo(16_000);
  }

  @Test
  void increment_ttl_isSetOnCreationOnly() {
    cache().increment(key("c"), 1, shortTtl());
    // A later increment with a long TTL must not extend the window (fixed-window rate limits).
    assertThat(cache().increment(key("c"), 1, LONG_TTL)).isEqualTo(2);
    passTtl();
    awaitGone(key("c"));
    assertThat(cache().increment(key("c"), 1, null)).isEqualTo(1);
  }
}
