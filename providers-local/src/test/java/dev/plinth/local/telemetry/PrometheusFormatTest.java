package dev.plinth.local.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.telemetry.PlinthMetrics;
import dev.plinth.telemetry.Tags;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusFormatTest {
  private final MetricRegistry registry = new MetricRegistry();

  @Test
  void render_countersGaugesAndHistograms_parseBackWithHelpTypeAndBuckets() {
    registry.counter(PlinthMetrics.STORAGE_OPS, Tags.of("op", "put", "outcome", "ok")).increment(3);
    registry.counter(PlinthMetrics.STORAGE_OPS, Tags.of("op", "get", "outcome", "ok")).increment();
    registry.gauge("plinth_queue_depth", Tags.of("queue", "jobs"), () -> 7);
    var timer = registry.timer(PlinthMetrics.STORAGE_DURATION, Tags.of("op", "put"));
    timer.record(Duration.ofMillis(3));
    timer.record(Duration.ofMillis(40));
    timer.record(Duration.ofSeconds(60));

    PrometheusTextParser parsed = PrometheusTextParser.parse(PrometheusFormat.render(registry));

    assertThat(parsed.types)
        .containsEntry(PlinthMetrics.STORAGE_OPS, "counter")
        .containsEntry("plinth_queue_depth", "gauge")
        .containsEntry(PlinthMetrics.STORAGE_DURATION, "histogram");
    assertThat(parsed.help.get(PlinthMetrics.STORAGE_OPS)).contains("Blob store operations");
    assertThat(parsed.value(PlinthMetrics.STORAGE_OPS, Map.of("op", "put", "outcome", "ok")))
        .isEqualTo(3);
    assertThat(parsed.value("plinth_queue_depth", Map.of("queue", "jobs"))).isEqualTo(7);
    String hist = PlinthMetrics.STORAGE_DURATION;
    assertThat(parsed.value(hist + "_bucket", Map.of("op", "put", "le", "0.005"))).isEqualTo(1);
    assertThat(parsed.value(hist + "_bucket", Map.of("op", "put", "le", "0.05"))).isEqualTo(2);
    assertThat(parsed.value(hist + "_bucket", Map.of("op", "put", "le", "30"))).isEqualTo(2);
    assertThat(parsed.value(hist + "_bucket", Map.of("op", "put", "le", "+Inf"))).isEqualTo(3);
    assertThat(parsed.value(hist + "_count", Map.of("op", "put"))).isEqualTo(3);
    assertThat(parsed.value(hist + "_sum", Map.of("op", "put"))).isBetween(60.04, 60.05);
  }

  @Test
  void render_labelValuesWithQuotesAndNewlines_areEscaped() {
    registry.counter("odd_total", Tags.of("path", "a\"b\\c\nd")).increment();

    String text = PrometheusFormat.render(registry);

    assertThat(text).contains("odd_total{path=\"a\\\"b\\\\c\\nd\"} 1");
    assertThat(PrometheusTextParser.parse(text).samples).hasSize(1);
  }

  @Test
  void counter_negativeIncrement_isRefused() {
    var counter = registry.counter("c_total", Tags.empty());

    assertThatThrownBy(() -> counter.increment(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void registry_sameNameAsOtherType_isRefusedWithClearMessage() {
    registry.counter("x", Tags.empty());

    assertThatThrownBy(() -> registry.timer("x", Tags.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already registered as a COUNTER");
  }
}
