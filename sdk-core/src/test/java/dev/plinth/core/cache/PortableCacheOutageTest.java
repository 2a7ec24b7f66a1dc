package dev.plinth.core.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.core.memory.RecordingTelemetry;
import dev.plinth.error.InvalidKeyException;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.telemetry.PlinthMetrics;
import dev.plinth.telemetry.Tags;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PortableCacheOutageTest {
  private final FlakyCacheDriver driver = new FlakyCacheDriver();
  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private final PortableCache cache =
      new PortableCache("flaky", driver, telemetry, MapPlinthConfig.empty());

  @Test
  void getOrLoad_backendDown_returnsLoadedValueAndCountsDegraded() {
    driver.failWith(() -> new ProviderUnavailableException("down"));
    AtomicInteger loads = new AtomicInteger();
    var value = cache.getOrLoad("k", null, k -> ("v" + loads.incrementAndGet()).getBytes(UTF_8));
    assertThat(value.map(String::new)).contains("v1");
    assertThat(
            telemetry.counterValue(
                PlinthMetrics.CACHE_OPS,
                Tags.of("op", "getOrLoad", "provider", "flaky", "outcome", "degraded")))
        .isPositive();
    assertThat(
            telemetry.counterValue(
                PlinthMetrics.CACHE_OPS,
                Tags.of("op", "get", "provider", "flaky", "outcome", "unavailable")))
        .isPositive();
  }

  @Test
  void getOrLoad_backendThrowsForeignException_isStillAMiss() {
    driver.failWith(() -> new IllegalStateException("connection reset"));
    assertThat(cache.getOrLoad("k", null, k -> new byte[] {1})).isPresent();
  }

  @Test
  void get_backendDown_throwsProviderUnavailable() {
    driver.failWith(() -> new ProviderUnavailableException("down"));
    assertThatThrownBy(() -> cache.get("k")).isInstanceOf(ProviderUnavailableException.class);
  }

  @Test
  void put_foreignException_isMappedWithOpButWithoutItsMessage() {
    driver.failWith(() -> new IllegalStateException("value=top-secret"));
    assertThatThrownBy(() -> cache.put("k", "top-secret".getBytes(UTF_8), null))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("'put'")
        .hasMessageNotContaining("top-secret")
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void delete_plinthException_passesThroughUnchanged() {
    InvalidKeyException failure = new InvalidKeyException("backend says no");
    driver.failWith(() -> failure);
    assertThatThrownBy(() -> cache.delete("k")).isSameAs(failure);
  }

  @Test
  void close_twice_closesDriverOnce() {
    cache.close();
    cache.close();
    assertThat(driver.closes()).isEqualTo(1);
  }

  @Test
  void unwrap_returnsPortableDriverOrNativeClient() {
    assertThat(cache.unwrap(PortableCache.class)).isSameAs(cache);
    assertThat(cache.unwrap(FlakyCacheDriver.class)).isSameAs(driver);
    assertThat(cache.unwrap(dev.plinth.core.memory.MemoryCacheDriver.class))
        .isSameAs(driver.delegate());
    assertThatThrownBy(() -> cache.unwrap(String.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("flaky");
  }
}
