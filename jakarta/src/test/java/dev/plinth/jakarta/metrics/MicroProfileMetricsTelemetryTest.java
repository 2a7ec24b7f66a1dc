package dev.plinth.jakarta.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.plinth.core.memory.RecordingTelemetry;
import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Telemetry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bridge against SmallRye Metrics 5.1, the Micrometer-based MP Metrics 5.1 implementation. */
class MicroProfileMetricsTelemetryTest {
  private static final Tags ROUTE =
      Tags.of("method", "GET", "route", "/items/{id}", "status", "200");
  private static final Tag[] MP_ROUTE = {
    new Tag("method", "GET"), new Tag("route", "/items/{id}"), new Tag("status", "200")
  };

  private final SmallRyeRegistry smallRye = new SmallRyeRegistry();
  private final MetricRegistry registry = smallRye.registry();
  private final RecordingTelemetry provider = new RecordingTelemetry();
  private final Telemetry bridge = new MicroProfileMetricsTelemetry(provider, registry);

  @AfterEach
  void closeRegistry() {
    smallRye.close();
  }

  @Test
  void counter_recordsToTheProviderAndTheRegistry() {
    bridge.counter("plinth_http_requests_total", ROUTE).increment();
    bridge.counter("plinth_http_requests_total", ROUTE).increment(2);

    assertThat(provider.counterValue("plinth_http_requests_total", ROUTE)).isEqualTo(3);
    assertThat(registry.getCounter(new MetricID("plinth_http_requests_total", MP_ROUTE)).getCount())
        .isEqualTo(3);
    assertThat(smallRye.scrape())
        .contains("# TYPE plinth_http_requests_total counter")
        .contains(
            "plinth_http_requests_total{method=\"GET\",mp_scope=\"application\","
                + "route=\"/items/{id}\",status=\"200\",} 3.0");
  }

  @Test
  void timer_recordsToTheProviderAndRendersInSeconds() {
    bridge.timer("plinth_http_request_duration_seconds", ROUTE).record(Duration.ofMillis(250));

    assertThat(provider.timerCount("plinth_http_request_duration_seconds", ROUTE)).isEqualTo(1);
    assertThat(
            registry
                .getTimer(new MetricID("plinth_http_request_duration_seconds", MP_ROUTE))
                .getCount())
        .isEqualTo(1);
    assertThat(smallRye.scrape())
        .contains("plinth_http_request_duration_seconds_count{method=\"GET\"")
        .contains("plinth_http_request_duration_seconds_sum{method=\"GET\"")
        .doesNotContain("seconds_seconds");
  }

  @Test
  void histogram_recordsRoundedValuesToTheRegistry() {
    Tags tags = Tags.of("queue", "jobs");

    bridge.histogram("plinth_queue_message_bytes", tags).record(99.6);

    assertThat(provider.histogramSum("plinth_queue_message_bytes", tags)).isEqualTo(99.6);
    assertThat(
            registry
                .getHistogram(new MetricID("plinth_queue_message_bytes", new Tag("queue", "jobs")))
                .getSum())
        .isEqualTo(100);
  }

  @Test
  void gauge_registeredAgain_readsTheNewSupplier() {
    Tags tags = Tags.of("queue", "jobs");
    AtomicInteger depth = new AtomicInteger(4);

    bridge.gauge("plinth_queue_dead_letters", tags, () -> 1);
    bridge.gauge("plinth_queue_dead_letters", tags, depth::get);

    MetricID id = new MetricID("plinth_queue_dead_letters", new Tag("queue", "jobs"));
    assertThat(registry.getGauge(id).getValue().doubleValue()).isEqualTo(4);
    depth.set(7);
    assertThat(registry.getGauge(id).getValue().doubleValue()).isEqualTo(7);
    assertThat(provider.gaugeValue("plinth_queue_dead_letters", tags)).isEqualTo(7);
  }

  @Test
  void gauge_whoseSupplierThrows_readsNaNAndDoesNotBreakTheScrape() {
    bridge.gauge(
        "plinth_broken_gauge",
        Tags.empty(),
        () -> {
          throw new IllegalStateException("backend gone");
        });

    assertThat(registry.getGauge(new MetricID("plinth_broken_gauge")).getValue().doubleValue())
        .isNaN();
    assertThatCode(smallRye::scrape).doesNotThrowAnyException();
  }

  @Test
  void counter_withATagNameTheRegistryRefuses_stillReachesTheProvider() {
    Tags tags = Tags.of("bad-name", "x");

    assertThatCode(() -> bridge.counter("plinth_odd_total", tags).increment())
        .doesNotThrowAnyException();

    assertThat(provider.counterValue("plinth_odd_total", tags)).isEqualTo(1);
    assertThat(registry.getNames()).doesNotContain("plinth_odd_total");
  }

  @Test
  void counter_sameNameWithOtherTagNames_neverFailsTheCaller() {
    bridge.counter("plinth_mixed_total", Tags.of("a", "1")).increment();

    assertThatCode(() -> bridge.counter("plinth_mixed_total", Tags.of("b", "1")).increment())
        .doesNotThrowAnyException();
    assertThat(provider.counterValue("plinth_mixed_total", Tags.of("b", "1"))).isEqualTo(1);
    assertThatCode(smallRye::scrape).doesNotThrowAnyException();
  }

  @Test
  void unwrap_reachesTheProviderAndTheBridgeItself() {
    assertThat(bridge.unwrap(RecordingTelemetry.class)).isSameAs(provider);
    assertThat(bridge.unwrap(MicroProfileMetricsTelemetry.class)).isSameAs(bridge);
    assertThat(bridge.provider()).isEqualTo(provider.provider());
    assertThat(bridge.health()).isEqualTo(provider.health());
  }

  @Test
  void spansAndEvents_goToTheProvider() {
    bridge.startSpan("work", dev.plinth.telemetry.SpanKind.INTERNAL).close();
    bridge.event("done", java.util.Map.of("k", "v"));

    assertThat(provider.finishedSpans()).hasSize(1);
    assertThat(provider.events()).hasSize(1);
  }
}
