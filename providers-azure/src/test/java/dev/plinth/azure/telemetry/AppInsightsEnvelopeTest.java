package dev.plinth.azure.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plinth.Health;
import dev.plinth.config.Profile;
import dev.plinth.core.Platform;
import dev.plinth.storage.PutOptions;
import dev.plinth.telemetry.CorrelationContext;
import dev.plinth.telemetry.PlinthMetrics;
import dev.plinth.telemetry.Scope;
import dev.plinth.telemetry.Span;
import dev.plinth.telemetry.SpanKind;
import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks what Application Insights receives from a platform wired with {@code
 * plinth.telemetry.provider=app-insights}: requests, dependencies, traces and customMetrics under
 * the Plinth names, all with the cloud role name, and never the instrumentation key in the logs.
 */
class AppInsightsEnvelopeTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String ROLE = "orders-api";
  private static final String IKEY = UUID.randomUUID().toString();

  private static IngestionServer server;
  private static OutputCapture output;
  private static Platform platform;

  @BeforeAll
  static void startPlatformExportingToLocalIngestion() throws IOException {
    server = IngestionServer.start();
    output = new OutputCapture();
    platform =
        Platform.builder()
            .profile(Profile.MEMORY)
            .property("plinth.telemetry.provider", "app-insights")
            .property("plinth.cache.provider", "none")
            .property("plinth.queue.provider", "none")
            .property("plinth.auth.provider", "none")
            .property(AppInsightsSettings.CONNECTION_STRING_ENV, server.connectionString(IKEY))
            .property("plinth.telemetry.app-insights.role-name", ROLE)
            .property("plinth.telemetry.app-insights.export-interval", "500ms")
            .property("plinth.telemetry.app-insights.live-metrics", "false")
            .build();
  }

  @AfterAll
  static void stop() {
    platform.close();
    output.close();
    server.close();
  }

  @Test
  void storageOperations_exportPlinthCounterAndLatencyHistogramAsCustomMetrics() throws Exception {
    String key = "reports/" + UUID.randomUUID() + ".txt";
    platform.storage().put(key, "hello".getBytes(StandardCharsets.UTF_8), PutOptions.none());
    try (InputStream in = platform.storage().get(key).content()) {
      in.readAllBytes();
    }

    Envelope ops =
        awaitOne(
            e ->
                "MetricData".equals(e.baseType())
                    && PlinthMetrics.STORAGE_OPS.equals(e.metricName())
                    && "put".equals(e.properties().get("op")));
    assertThat(ops.properties()).containsEntry("provider", "memory").containsKey("outcome");
    assertThat(ops.metricValue()).isGreaterThanOrEqualTo(1.0);
    assertThat(ops.cloudRole()).isEqualTo(ROLE);

    Envelope latency =
        awaitOne(
            e ->
                "MetricData".equals(e.baseType())
                    && PlinthMetrics.STORAGE_DURATION.equals(e.metricName()));
    assertThat(latency.metricCount()).isGreaterThanOrEqualTo(1);
    assertThat(latency.metric()).containsKeys("min", "max");
    assertThat(latency.metricValue()).isBetween(0.0, 10.0); // seconds, not nanos or millis
  }

  @Test
  void histogram_exportsSumCountMinAndMaxInTheRecordedUnit() {
    String name = "plinth_queue_message_bytes_" + UUID.randomUUID().toString().replace("-", "");
    platform.telemetry().histogram(name, Tags.of("queue", "orders")).record(512);
    platform.telemetry().histogram(name, Tags.of("queue", "orders")).record(1536);

    AppInsightsTelemetryDriver driver =
        platform.telemetry().unwrap(AppInsightsTelemetryDriver.class);
    await().atMost(WAIT).until(() -> driver.flush(WAIT));

    // The two recordings may fall into different export intervals: aggregate the delta points.
    List<Envelope> points = server.envelopes(e -> name.equals(e.metricName()));
    assertThat(points).isNotEmpty();
    assertThat(points.stream().mapToDouble(Envelope::metricValue).sum()).isEqualTo(2048.0);
    assertThat(points.stream().mapToLong(Envelope::metricCount).sum()).isEqualTo(2);
    assertThat(points.stream().mapToDouble(e -> number(e.metric().get("min"))).min())
        .hasValue(512.0);
    assertThat(points.stream().mapToDouble(e -> number(e.metric().get("max"))).max())
        .hasValue(1536.0);
    assertThat(points)
        .allSatisfy(
            e -> {
              assertThat(e.properties()).containsEntry("queue", "orders");
              assertThat(e.cloudRole()).isEqualTo(ROLE);
            });
  }

  @Test
  void serverSpanWithClientChild_becomeRequestAndDependencyOfOneOperation() {
    Telemetry telemetry = platform.telemetry();
    String requestName = "GET /orders/" + UUID.randomUUID();
    Span request = telemetry.startSpan(requestName, SpanKind.SERVER);
    Span call;
    try (Scope scope = request.makeCurrent()) {
      call = telemetry.startSpan("inventory.lookup", SpanKind.CLIENT).setAttribute("sku", "A-1");
      call.close();
    } finally {
      request.close();
    }

    Envelope requestData =
        awaitOne(
            e ->
                "RequestData".equals(e.baseType()) && requestName.equals(e.baseData().get("name")));
    assertThat(requestData.baseData()).containsEntry("id", request.spanId());
    assertThat(requestData.operationId()).isEqualTo(request.traceId());
    assertThat(requestData.cloudRole()).isEqualTo(ROLE);

    Envelope dependency =
        awaitOne(
            e ->
                "RemoteDependencyData".equals(e.baseType())
                    && call.spanId().equals(e.baseData().get("id")));
    assertThat(dependency.baseData()).containsEntry("name", "inventory.lookup");
    assertThat(dependency.operationId()).isEqualTo(request.traceId());
    assertThat(dependency.operationParentId()).isEqualTo(request.spanId());
    assertThat(dependency.properties()).containsEntry("sku", "A-1");
  }

  @Test
  void failedServerSpan_isUnsuccessfulRequestWithExceptionAndCorrelationId() {
    String name = "POST /executions/" + UUID.randomUUID();
    String correlationId = CorrelationContext.newId();
    Span span;
    try (Scope correlation = CorrelationContext.open(correlationId)) {
      span = platform.telemetry().startSpan(name, SpanKind.SERVER);
      span.recordError(new IllegalStateException("step failed")).close();
    }

    Envelope request =
        awaitOne(e -> "RequestData".equals(e.baseType()) && name.equals(e.baseData().get("name")));
    assertThat(request.baseData()).containsEntry("success", false);
    assertThat(request.properties())
        .containsEntry(AppInsightsTelemetryDriver.CORRELATION_ID, correlationId);
    Envelope exception =
        awaitOne(
            e -> "ExceptionData".equals(e.baseType()) && span.traceId().equals(e.operationId()));
    assertThat(exception.baseData().toString())
        .contains("IllegalStateException")
        .contains("step failed");
  }

  @Test
  void event_becomesTraceMessageWithCorrelationIdAndOperation() {
    String name = "execution.finished." + UUID.randomUUID();
    String correlationId = CorrelationContext.newId();
    Span span = platform.telemetry().startSpan("execution", SpanKind.CONSUMER);
    try (Scope correlation = CorrelationContext.open(correlationId);
        Scope current = span.makeCurrent()) {
      platform.telemetry().event(name, Map.of("execution", "e-42", "attempt", 2));
    } finally {
      span.close();
    }

    Envelope message =
        awaitOne(
            e -> "MessageData".equals(e.baseType()) && name.equals(e.baseData().get("message")));
    assertThat(message.properties())
        .containsEntry(AppInsightsTelemetryDriver.CORRELATION_ID, correlationId)
        .containsEntry("execution", "e-42")
        .containsEntry("attempt", "2");
    assertThat(message.operationId()).isEqualTo(span.traceId());
    assertThat(message.operationParentId()).isEqualTo(span.spanId());
    assertThat(message.cloudRole()).isEqualTo(ROLE);
  }

  @Test
  void gauge_reRegistered_reportsTheReplacementSupplier() {
    String name = "plinth_queue_dead_letters_" + UUID.randomUUID().toString().replace("-", "");
    Tags tags = Tags.of("queue", "orders");

    platform.telemetry().gauge(name, tags, () -> 1.0);
    assertThat(lastGaugeValue(name)).isEqualTo(1.0);
    platform.telemetry().gauge(name, tags, () -> 7.0);
    assertThat(lastGaugeValue(name)).isEqualTo(7.0);
  }

  @Test
  void exporter_usesTheKeyButNeverLogsIt_andCallsOnlyTheTrackEndpoint() {
    platform.telemetry().event("leak.check", Map.of());
    awaitOne(
        e ->
            "MessageData".equals(e.baseType()) && "leak.check".equals(e.baseData().get("message")));

    assertThat(server.envelopes()).allSatisfy(e -> assertThat(e.iKey()).isEqualTo(IKEY));
    assertThat(server.paths()).containsOnly(IngestionServer.TRACK_PATH);
    assertThat(output.text()).doesNotContain(IKEY);
    assertThat(platform.describe().toString()).doesNotContain(IKEY);
    assertThat(platform.telemetry().health().toString()).doesNotContain(IKEY);
  }

  @Test
  void health_afterSuccessfulExport_isUpWithRoleName() {
    platform.telemetry().counter("plinth_health_probe_total", Tags.empty()).increment();
    AppInsightsTelemetryDriver driver =
        platform.telemetry().unwrap(AppInsightsTelemetryDriver.class);
    await().atMost(WAIT).until(() -> driver.flush(WAIT));

    Health health = platform.telemetry().health();

    assertThat(health.state()).isEqualTo(Health.State.UP);
    assertThat(health.data()).containsEntry("roleName", ROLE).containsKey("lastSuccess");
  }

  private static double number(Object value) {
    return ((Number) value).doubleValue();
  }

  private static double lastGaugeValue(String name) {
    AppInsightsTelemetryDriver driver =
        platform.telemetry().unwrap(AppInsightsTelemetryDriver.class);
    await().atMost(WAIT).until(() -> driver.flush(WAIT));
    List<Envelope> points = server.envelopes(e -> name.equals(e.metricName()));
    assertThat(points).isNotEmpty();
    return points.get(points.size() - 1).metricValue();
  }

  private static Envelope awaitOne(java.util.function.Predicate<Envelope> match) {
    await().atMost(WAIT).until(() -> !server.envelopes(match).isEmpty());
    List<Envelope> found = server.envelopes(match);
    return found.get(0);
  }
}
