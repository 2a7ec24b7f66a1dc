package dev.plinth.azure.telemetry;

import static org.awaitility.Awaitility.await;

import dev.plinth.tck.EventRecord;
import dev.plinth.tck.SpanRecord;
import dev.plinth.tck.TelemetryProbe;
import dev.plinth.telemetry.SpanKind;
import dev.plinth.telemetry.Tags;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads what the driver recorded back from the envelopes the ingestion server received. Metric
 * reads first force an export ({@link AppInsightsTelemetryDriver#flush}) and then add up the delta
 * points the Azure Monitor exporter sends, so counts are exact end to end.
 */
final class EnvelopeProbe implements TelemetryProbe {
  private static final Duration FLUSH_WAIT = Duration.ofSeconds(10);

  private final IngestionServer server;
  private final AppInsightsTelemetryDriver driver;

  EnvelopeProbe(IngestionServer server, AppInsightsTelemetryDriver driver) {
    this.server = server;
    this.driver = driver;
  }

  @Override
  public double counter(String name, Tags tags) {
    return points(name, tags).stream().mapToDouble(Envelope::metricValue).sum();
  }

  @Override
  public long timerCount(String name, Tags tags) {
    return points(name, tags).stream().mapToLong(Envelope::metricCount).sum();
  }

  @Override
  public Double gauge(String name, Tags tags) {
    List<Envelope> points = points(name, tags);
    return points.isEmpty() ? null : points.get(points.size() - 1).metricValue();
  }

  @Override
  public List<SpanRecord> finishedSpans() {
    return server
        .envelopes(
            e -> "RequestData".equals(e.baseType()) || "RemoteDependencyData".equals(e.baseType()))
        .stream()
        .map(EnvelopeProbe::span)
        .toList();
  }

  @Override
  public List<EventRecord> events() {
    return server.envelopes(e -> "MessageData".equals(e.baseType())).stream()
        .map(EnvelopeProbe::event)
        .toList();
  }

  /** A periodic export in flight makes a forced flush fail; retry until one goes through. */
  private List<Envelope> points(String name, Tags tags) {
    await().atMost(FLUSH_WAIT).until(() -> driver.flush(FLUSH_WAIT));
    Map<String, Object> expected = new HashMap<>(tags.asMap());
    return server.envelopes(
        e ->
            "MetricData".equals(e.baseType())
                && name.equals(e.metricName())
                && expected.equals(dimensions(e)));
  }

  private static Map<String, Object> dimensions(Envelope envelope) {
    Map<String, Object> dimensions = new HashMap<>(envelope.properties());
    dimensions.keySet().removeIf(k -> k.startsWith("_MS."));
    return dimensions;
  }

  private static SpanRecord span(Envelope envelope) {
    Map<String, Object> data = envelope.baseData();
    boolean request = "RequestData".equals(envelope.baseType());
    SpanKind kind =
        request
            ? SpanKind.SERVER
            : "InProc".equals(data.get("type")) ? SpanKind.INTERNAL : SpanKind.CLIENT;
    return new SpanRecord(
        (String) data.get("name"),
        kind,
        envelope.operationId(),
        (String) data.get("id"),
        envelope.operationParentId(),
        envelope.properties());
  }

  private static EventRecord event(Envelope envelope) {
    Map<String, Object> attributes = new HashMap<>(envelope.properties());
    Object correlationId = attributes.remove(AppInsightsTelemetryDriver.CORRELATION_ID);
    return new EventRecord(
        (String) envelope.baseData().get("message"),
        attributes,
        envelope.operationId(),
        envelope.operationParentId(),
        Objects.toString(correlationId, null));
  }
}
