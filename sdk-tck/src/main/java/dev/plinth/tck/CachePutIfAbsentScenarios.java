package dev.plinth.tck;

import static dev.plinth.tck.CacheContractSupport.concurrently;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.tck.CacheContractSupport.Result;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cache contract scenarios: atomic create-only writes. */
abstract class CachePutIfAbsentScenarios extends CacheScenarios {
  @Test
  void putIfAbsent_twice_onlyFirstWins() {
    assertThat(cache().putIfAbsent(key("a"), bytes("first"), null)).isTrue();
    assertThat(cache().putIfAbsent(key("a"), bytes("second"), null)).isFalse();
    assertThat(cache().get(key("a")).map(String::new)).contains("first");
  }

  @Test
  void putIfAbsent_afterDelete_writesAgain() {
    cache().putIfAbsent(key("a"), bytes("first"), null);
    cache().delete(key("a"));
    assertThat(cache().putIfAbsent(key("a"), bytes("again"), null)).isTrue();
  }

  @Test
  void putIfAbsent_16Concurrent_exactlyOneWins() throws Exception {
    AtomicInteger n = new AtomicInteger();
    List<Result<Boolean>> results =
        concurrently(
            16, () -> cache().putIfAbsent(key("race"), bytes("w" + n.incrementAndGet()), null));
    assertThat(results).extracting(Result::error).containsOnlyNulls();
    assertThat(results).filteredOn(r -> r.value()).hasSize(1);
  }
}
