package dev.plinth.jakarta.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.config.Profile;
import dev.plinth.core.Platform;
import dev.plinth.core.memory.RecordingTelemetry;
import dev.plinth.jakarta.FixedInstance;
import dev.plinth.jakarta.MapConfig;
import dev.plinth.jakarta.PlatformProducer;
import dev.plinth.storage.PutOptions;
import dev.plinth.telemetry.PlinthMetrics;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MicroProfileMetricsCustomizerTest {
  private final SmallRyeRegistry smallRye = new SmallRyeRegistry();
  private final MetricRegistry registry = smallRye.registry();

  private static Platform build(MicroProfileMetricsCustomizer customizer) {
    Platform.Builder builder = Platform.builder().profile(Profile.MEMORY);
    customizer.customize(builder);
    return builder.build();
  }

  @AfterEach
  void closeRegistry() {
    smallRye.close();
  }

  @Test
  void customize_withARegistry_copiesTheSdkPortMetricsToIt() {
    MicroProfileMetricsCustomizer customizer =
        new MicroProfileMetricsCustomizer(new MapConfig(Map.of()), new FixedInstance<>(registry));

    try (Platform platform = build(customizer)) {
      platform.storage().put("docs/a.txt", new byte[] {1, 2, 3}, PutOptions.none());
      platform.cache().get("missing");

      assertThat(platform.telemetry()).isInstanceOf(MicroProfileMetricsTelemetry.class);
      assertThat(registry.getNames())
          .contains(
              PlinthMetrics.STORAGE_OPS,
              PlinthMetrics.STORAGE_BYTES,
              PlinthMetrics.STORAGE_DURATION,
              PlinthMetrics.CACHE_REQUESTS);
      assertThat(smallRye.scrape())
          .contains("plinth_storage_bytes_total{direction=\"in\",mp_scope=\"application\"")
          .contains("plinth_cache_requests_total{");
      RecordingTelemetry recording = platform.telemetry().unwrap(RecordingTelemetry.class);
      assertThat(recording.counterValue(PlinthMetrics.STORAGE_BYTES, tagsIn())).isEqualTo(3);
    }
  }

  @Test
  void customize_withoutARegistry_leavesTheTelemetryAlone() {
    MicroProfileMetricsCustomizer customizer =
        new MicroProfileMetricsCustomizer(new MapConfig(Map.of()), new FixedInstance<>());

    try (Platform platform = build(customizer)) {
      assertThat(platform.telemetry()).isInstanceOf(RecordingTelemetry.class);
    }
  }

  @Test
  void customize_turnedOff_leavesTheTelemetryAlone() {
    MicroProfileMetricsCustomizer customizer =
        new MicroProfileMetricsCustomizer(
            new MapConfig(Map.of(MicroProfileMetricsCustomizer.ENABLED_KEY, "false")),
            new FixedInstance<>(registry));

    try (Platform platform = build(customizer)) {
      assertThat(platform.telemetry()).isInstanceOf(RecordingTelemetry.class);
    }
  }

  @Test
  void producer_withTheCustomizer_injectsTheBridgedTelemetry() {
    MapConfig config = new MapConfig(Map.of("plinth.profile", "memory"));
    PlatformProducer producer =
        new PlatformProducer(
            config,
            List.of(new MicroProfileMetricsCustomizer(config, new FixedInstance<>(registry))));
    try {
      producer
          .telemetry()
          .counter("app_orders_total", dev.plinth.telemetry.Tags.empty())
          .increment();

      assertThat(registry.getNames()).contains("app_orders_total");
    } finally {
      producer.close();
    }
  }

  private static dev.plinth.telemetry.Tags tagsIn() {
    return dev.plinth.telemetry.Tags.of("direction", "in", "provider", "memory");
  }
}
