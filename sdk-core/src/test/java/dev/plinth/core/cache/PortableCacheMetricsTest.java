package dev.plinth.core.cache;

import static dev.plinth.telemetry.PlinthMetrics.CACHE_DURATION;
import static dev.plinth.telemetry.PlinthMetrics.CACHE_OPS;
import static dev.plinth.telemetry.PlinthMetrics.CACHE_REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.core.memory.MemoryCacheDriver;
import dev.plinth.core.memory.RecordingTelemetry;
import dev.plinth.error.PlinthException;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.telemetry.Tags;
import org.junit.jupiter.api.Test;

class PortableCacheMetricsTest {
  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private final PortableCache cache =
      new PortableCache("memory", new MemoryCacheDriver(), telemetry, MapPlinthConfig.empty());

  private long requests(String result) {
    return (long)
        telemetry.counterValue(CACHE_REQUESTS, Tags.of("result", result, "provider", "memory"));
  }

  @Test
  void get_missThenHit_countsEach() {
    cache.get("k");
    cache.put("k", new byte[] {1}, null);
    cache.get("k");
    assertThat(requests("miss")).isEqualTo(1);
    assertThat(requests("hit")).isEqualTo(1);
  }

  @Test
  void getOrLoad_missThenHit_countsMissLoadedHit() {
    cache.getOrLoad("k", null, k -> new byte[] {1});
    cache.getOrLoad("k", null, k -> new byte[] {2});
    assertThat(requests("miss")).isEqualTo(1);
    assertThat(requests("loaded")).isEqualTo(1);
    assertThat(requests("hit")).isEqualTo(1);
  }

  @Test
  void operations_areCountedByOutcomeAndTimed() {
    cache.put("k", new byte[] {1}, null);
    cache.increment("c", 1, null);
    cache.increment("k2", 1, null);
    assertThat(
            telemetry.counterValue(
                CACHE_OPS, Tags.of("op", "put", "provider", "memory", "outcome", "success")))
        .isEqualTo(1);
    assertThat(
            telemetry.counterValue(
                CACHE_OPS, Tags.of("op", "increment", "provider", "memory", "outcome", "success")))
        .isEqualTo(2);
    assertThat(telemetry.timerCount(CACHE_DURATION, Tags.of("op", "put", "provider", "memory")))
        .isEqualTo(1);
  }

  @Test
  void failedOperation_isCountedWithErrorCode() {
    cache.put("text", new byte[] {'x'}, null);
    assertThatThrownBy(() -> cache.increment("text", 1, null)).isInstanceOf(PlinthException.class);
    assertThat(
            telemetry.counterValue(
                CACHE_OPS, Tags.of("op", "increment", "provider", "memory", "outcome", "internal")))
        .isEqualTo(1);
  }
}
