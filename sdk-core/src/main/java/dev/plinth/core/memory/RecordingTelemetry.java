package dev.plinth.core.memory;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.core.internal.Unwrapper;
import dev.plinth.core.telemetry.CurrentSpan;
import dev.plinth.core.telemetry.TraceIds;
import dev.plinth.spi.telemetry.TelemetryDriver;
import dev.plinth.telemetry.CorrelationContext;
import dev.plinth.telemetry.Counter;
import dev.plinth.telemetry.Histogram;
import dev.plinth.telemetry.Scope;
import dev.plinth.telemetry.Span;
import dev.plinth.telemetry.SpanKind;
import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * The {@code memory} telemetry: keeps metrics, finished spans and events in memory and lets tests
 * query them. Thread-safe. The current span is per thread ({@link Span#makeCurrent()}); spans and
 * events beyond {@code maxRecords} drop the oldest, so a long test run stays bounded.
 */
public final class RecordingTelemetry implements TelemetryDriver {
  /** The default number of spans and of events kept. */
  public static final int DEFAULT_MAX_RECORDS = 10_000;

  private final int maxRecords;
  private final RecordingMetrics metrics = new RecordingMetrics();
  private final CurrentSpan<RecordingSpan> current = new CurrentSpan<>();
  private final Deque<FinishedSpan> spans = new ArrayDeque<>();
  private final Deque<RecordedEvent> events = new ArrayDeque<>();

  /** Creates a telemetry keeping {@link #DEFAULT_MAX_RECORDS} spans and events. */
  public RecordingTelemetry() {
    this(DEFAULT_MAX_RECORDS);
  }

  /**
   * Creates a telemetry.
   *
   * @param maxRecords how many spans and how many events to keep (the oldest are dropped)
   */
  public RecordingTelemetry(int maxRecords) {
    if (maxRecords < 1) {
      throw new IllegalArgumentException("maxRecords must be positive: " + maxRecords);
    }
    this.maxRecords = maxRecords;
  }

  @Override
  public Counter counter(String name, Tags tags) {
    return metrics.counter(name, tags);
  }

  @Override
  public Timer timer(String name, Tags tags) {
    return metrics.timer(name, tags);
  }

  @Override
  public Histogram histogram(String name, Tags tags) {
    return metrics.histogram(name, tags);
  }

  @Override
  public void gauge(String name, Tags tags, DoubleSupplier value) {
    metrics.gauge(name, tags, value);
  }

  @Override
  public Span startSpan(String name, SpanKind kind) {
    RecordingSpan parent = current.get();
    return parent == null
        ? new RecordingSpan(this, name, kind, TraceIds.newTraceId(), TraceIds.newSpanId(), null)
        : new RecordingSpan(
            this, name, kind, parent.traceId(), TraceIds.newSpanId(), parent.spanId());
  }

  @Override
  public Span startSpan(String name, SpanKind kind, String traceparent) {
    // Null or unparseable: a new trace, as W3C Trace Context prescribes for a bad header.
    return TraceIds.parse(traceparent)
        .<Span>map(
            p -> new RecordingSpan(this, name, kind, p.traceId(), TraceIds.newSpanId(), p.spanId()))
        .orElseGet(
            () ->
                new RecordingSpan(
                    this, name, kind, TraceIds.newTraceId(), TraceIds.newSpanId(), null));
  }

  @Override
  public void event(String name, Map<String, Object> attributes) {
    Map<String, Object> fields = new HashMap<>();
    if (attributes != null) {
      attributes.forEach(
          (k, v) -> {
            if (k != null && v != null) {
              fields.put(k, v);
            }
          });
    }
    RecordingSpan span = current.get();
    RecordedEvent event =
        new RecordedEvent(
            name,
            fields,
            span == null ? null : span.traceId(),
            span == null ? null : span.spanId(),
            CorrelationContext.current().orElse(null),
            Instant.now());
    synchronized (events) {
      add(events, event);
    }
  }

  Scope makeCurrent(RecordingSpan span) {
    return current.enter(span);
  }

  void finished(FinishedSpan span) {
    synchronized (spans) {
      add(spans, span);
    }
  }

  private <T> void add(Deque<T> records, T record) {
    if (records.size() >= maxRecords) {
      records.removeFirst();
    }
    records.addLast(record);
  }

  /**
   * Returns the value of a counter series.
   *
   * @param name the metric name
   * @param tags the exact tags
   * @return the sum of increments, 0 if never incremented
   */
  public double counterValue(String name, Tags tags) {
    return metrics.counterValue(name, tags);
  }

  /**
   * Returns how many durations a timer series recorded.
   *
   * @param name the metric name
   * @param tags the exact tags
   * @return the count, 0 if never recorded
   */
  public long timerCount(String name, Tags tags) {
    RecordingMetrics.Distribution d = metrics.timerValue(name, tags);
    return d == null ? 0 : d.count();
  }

  /**
   * Returns the total time a timer series recorded.
   *
   * @param name the metric name
   * @param tags the exact tags
   * @return the total, zero if never recorded
   */
  public Duration timerTotal(String name, Tags tags) {
    RecordingMetrics.Distribution d = metrics.timerValue(name, tags);
    return d == null ? Duration.ZERO : Duration.ofNanos((long) d.sum());
  }

  /**
   * Returns how many values a histogram series recorded.
   *
   * @param name the metric name
   * @param tags the exact tags
   * @return the count
   */
  public long histogramCount(String name, Tags tags) {
    RecordingMetrics.Distribution d = metrics.histogramValue(name, tags);
    return d == null ? 0 : d.count();
  }

  /**
   * Returns the sum of the values a histogram series recorded.
   *
   * @param name the metric name
   * @param tags the exact tags
   * @return the sum
   */
  public double histogramSum(String name, Tags tags) {
    RecordingMetrics.Distribution d = metrics.histogramValue(name, tags);
    return d == null ? 0 : d.sum();
  }

  /**
   * Samples a gauge.
   *
   * @param name the metric name
   * @param tags the exact tags
   * @return the current value, or null if no such gauge is registered
   */
  public Double gaugeValue(String name, Tags tags) {
    return metrics.gaugeValue(name, tags);
  }

  /**
   * Returns the finished spans, oldest first.
   *
   * @return a snapshot
   */
  public List<FinishedSpan> finishedSpans() {
    synchronized (spans) {
      return List.copyOf(spans);
    }
  }

  /**
   * Returns the recorded events, oldest first.
   *
   * @return a snapshot
   */
  public List<RecordedEvent> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** Forgets every metric, span and event. */
  public void reset() {
    metrics.clear();
    synchronized (spans) {
      spans.clear();
    }
    synchronized (events) {
      events.clear();
    }
  }

  @Override
  public String provider() {
    return "memory";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.none();
  }

  @Override
  public Health health() {
    return Health.up("recording in memory");
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    return Unwrapper.unwrap(this, this, null, type, "The memory telemetry");
  }

  /** Nothing to flush; recorded data stays queryable. */
  @Override
  public void close() {}
}
