package dev.plinth.local.telemetry;

import dev.plinth.core.telemetry.TraceIds;
import dev.plinth.telemetry.Scope;
import dev.plinth.telemetry.Span;
import dev.plinth.telemetry.SpanKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** A span that writes one JSON line when it ends. */
final class ConsoleSpan implements Span {
  private final ConsoleTelemetryDriver owner;
  private final String name;
  private final SpanKind kind;
  private final String traceId;
  private final String spanId;
  private final String parentSpanId;
  private final long startNanos;
  private final long startEpochMillis;
  private final Map<String, Object> attributes = new LinkedHashMap<>();
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile Throwable error;

  ConsoleSpan(
      ConsoleTelemetryDriver owner,
      String name,
      SpanKind kind,
      String traceId,
      String parentSpanId,
      long startEpochMillis) {
    this.owner = owner;
    this.name = name;
    this.kind = kind;
    this.traceId = traceId;
    this.spanId = TraceIds.newSpanId();
    this.parentSpanId = parentSpanId;
    this.startNanos = System.nanoTime();
    this.startEpochMillis = startEpochMillis;
  }

  @Override
  public Span setAttribute(String key, Object value) {
    synchronized (attributes) {
      attributes.put(key, value);
    }
    return this;
  }

  @Override
  public Span recordError(Throwable e) {
    this.error = e;
    return this;
  }

  @Override
  public Scope makeCurrent() {
    return owner.makeCurrent(this);
  }

  @Override
  public String traceId() {
    return traceId;
  }

  @Override
  public String spanId() {
    return spanId;
  }

  String parentSpanId() {
    return parentSpanId;
  }

  @Override
  public void close() {
    if (ended.compareAndSet(false, true)) {
      owner.spanEnded(this);
    }
  }

  Map<String, Object> toRecord(String correlationId) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("ts", java.time.Instant.ofEpochMilli(startEpochMillis).toString());
    line.put("type", "span");
    line.put("name", name);
    line.put("kind", kind.name());
    line.put("traceId", traceId);
    line.put("spanId", spanId);
    if (parentSpanId != null) {
      line.put("parentSpanId", parentSpanId);
    }
    if (correlationId != null) {
      line.put("correlationId", correlationId);
    }
    line.put("durationMs", (System.nanoTime() - startNanos) / 1e6);
    Throwable e = error;
    line.put("status", e == null ? "ok" : "error");
    if (e != null) {
      line.put(
          "error", e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
    synchronized (attributes) {
      if (!attributes.isEmpty()) {
        line.put("attributes", new LinkedHashMap<>(attributes));
      }
    }
    return line;
  }
}
