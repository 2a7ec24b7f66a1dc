package dev.plinth.core.memory;

import dev.plinth.telemetry.Scope;
import dev.plinth.telemetry.Span;
import dev.plinth.telemetry.SpanKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** A span of {@link RecordingTelemetry}; closing it records a {@link FinishedSpan} once. */
final class RecordingSpan implements Span {
  private final RecordingTelemetry telemetry;
  private final String name;
  private final SpanKind kind;
  private final String traceId;
  private final String spanId;
  private final String parentSpanId;
  private final Instant start = Instant.now();
  private final Map<String, Object> attributes = new LinkedHashMap<>();
  private final AtomicBoolean ended = new AtomicBoolean();
  private String error;

  RecordingSpan(
      RecordingTelemetry telemetry,
      String name,
      SpanKind kind,
      String traceId,
      String spanId,
      String parentSpanId) {
    this.telemetry = telemetry;
    this.name = name;
    this.kind = kind;
    this.traceId = traceId;
    this.spanId = spanId;
    this.parentSpanId = parentSpanId;
  }

  @Override
  public synchronized Span setAttribute(String key, Object value) {
    if (key != null && value != null) {
      attributes.put(key, value);
    }
    return this;
  }

  @Override
  public synchronized Span recordError(Throwable failure) {
    error = failure.getClass().getName() + ": " + failure.getMessage();
    return this;
  }

  @Override
  public Scope makeCurrent() {
    return telemetry.makeCurrent(this);
  }

  @Override
  public String traceId() {
    return traceId;
  }

  @Override
  public String spanId() {
    return spanId;
  }

  @Override
  public void close() {
    if (ended.compareAndSet(false, true)) {
      FinishedSpan finished;
      synchronized (this) {
        finished =
            new FinishedSpan(
                name, kind, traceId, spanId, parentSpanId, attributes, error, start, Instant.now());
      }
      telemetry.finished(finished);
    }
  }

  @Override
  public String toString() {
    return "RecordingSpan{" + name + ", trace=" + traceId + ", span=" + spanId + '}';
  }
}
