package dev.plinth.local.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.telemetry.CorrelationContext;
import dev.plinth.telemetry.Scope;
import dev.plinth.telemetry.Span;
import dev.plinth.telemetry.SpanKind;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ConsoleTelemetryDriverTest {
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final ConsoleTelemetryDriver telemetry =
      new ConsoleTelemetryDriver(lines::add, true, Clock.systemUTC());

  @Test
  void event_insideSpanWithCorrelation_carriesTraceSpanAndCorrelationIds() {
    Span span = telemetry.startSpan("work", SpanKind.SERVER);
    try (Scope s = span.makeCurrent();
        Scope c = CorrelationContext.open("corr-42")) {
      telemetry.event("order.placed", Map.of("items", 3));
    }
    span.close();

    assertThat(lines).hasSize(2);
    String event = lines.get(0);
    assertThat(event)
        .startsWith("{\"ts\":")
        .contains("\"type\":\"event\"", "\"name\":\"order.placed\"")
        .contains("\"traceId\":\"" + span.traceId() + "\"")
        .contains("\"spanId\":\"" + span.spanId() + "\"")
        .contains("\"correlationId\":\"corr-42\"", "\"attributes\":{\"items\":3}");
    assertThat(lines.get(1))
        .contains("\"type\":\"span\"", "\"name\":\"work\"", "\"status\":\"ok\"");
  }

  @Test
  void childSpan_sharesTraceAndNamesParent() {
    Span parent = telemetry.startSpan("parent", SpanKind.INTERNAL);
    Span child;
    try (Scope s = parent.makeCurrent()) {
      child = telemetry.startSpan("child", SpanKind.CLIENT);
      child.close();
    }
    parent.close();

    assertThat(child.traceId()).isEqualTo(parent.traceId()).hasSize(32);
    assertThat(lines.get(0)).contains("\"parentSpanId\":\"" + parent.spanId() + "\"");
    assertThat(lines.get(1)).doesNotContain("parentSpanId");
  }

  @Test
  void startSpan_withTraceparent_continuesRemoteTrace() {
    String remote = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    Span span = telemetry.startSpan("consume", SpanKind.CONSUMER, remote);
    span.close();

    assertThat(span.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(lines.get(0)).contains("\"parentSpanId\":\"b7ad6b7169203331\"");
    assertThat(span.traceparent()).startsWith("00-0af7651916cd43dd8448eb211c80319c-");
  }

  @Test
  void startSpan_withMalformedTraceparent_startsNewTrace() {
    Span span = telemetry.startSpan("x", SpanKind.CONSUMER, "garbage");

    assertThat(span.traceId()).hasSize(32).isNotEqualTo("00000000000000000000000000000000");
  }

  @Test
  void span_recordError_writesErrorStatusOnceEvenIfClosedTwice() {
    Span span = telemetry.startSpan("fails", SpanKind.INTERNAL);
    span.recordError(new IllegalStateException("bad \"thing\"\n"));
    span.close();
    span.close();

    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .contains("\"status\":\"error\"")
        .contains("java.lang.IllegalStateException: bad \\\"thing\\\"\\n");
  }

  @Test
  void spans_disabled_onlyEventsAreWritten() {
    ConsoleTelemetryDriver quiet = new ConsoleTelemetryDriver(lines::add, false, Clock.systemUTC());

    quiet.startSpan("silent", SpanKind.INTERNAL).close();
    quiet.event("loud", Map.of());

    assertThat(lines).singleElement().asString().contains("\"name\":\"loud\"");
  }

  @Test
  void prometheus_includesRecordedMetrics() {
    telemetry.counter("jobs_total", dev.plinth.telemetry.Tags.of("queue", "a")).increment(2);

    assertThat(telemetry.prometheus())
        .contains("# TYPE jobs_total counter", "jobs_total{queue=\"a\"} 2");
  }
}
