package dev.plinth.core.storage;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.telemetry.Counter;
import dev.plinth.telemetry.Histogram;
import dev.plinth.telemetry.Scope;
import dev.plinth.telemetry.Span;
import dev.plinth.telemetry.SpanKind;
import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Telemetry;
import dev.plinth.telemetry.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/** Records counters, timer samples and spans in memory so tests can assert what was emitted. */
final class RecordingTelemetry implements Telemetry {
  private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> timerSamples = new ConcurrentHashMap<>();
  final List<RecordedSpan> spans = new CopyOnWriteArrayList<>();

  /** A finished or running span with its attributes. */
  static final class RecordedSpan implements Span {
    final String name;
    final SpanKind kind;
    final Map<String, Object> attributes = new ConcurrentHashMap<>();
    volatile Throwable error;
    volatile boolean ended;

    RecordedSpan(String name, SpanKind kind) {
      this.name = name;
      this.kind = kind;
    }

    @Override
    public Span setAttribute(String key, Object value) {
      attributes.put(key, value);
      return this;
    }

    @Override
    public Span recordError(Throwable e) {
      error = e;
      return this;
    }

    @Override
    public Scope makeCurrent() {
      return () -> {};
    }

    @Override
    public String traceId() {
      return "0".repeat(31) + "1";
    }

    @Override
    public String spanId() {
      return "0".repeat(15) + "1";
    }

    @Override
    public void close() {
      ended = true;
    }
  }

  long count(String name, Tags tags) {
    AtomicLong value = counters.get(name + tags);
    return value == null ? 0 : value.get();
  }

  long samples(String name, Tags tags) {
    AtomicLong value = timerSamples.get(name + tags);
    return value == null ? 0 : value.get();
  }

  @Override
  public Counter counter(String name, Tags tags) {
    AtomicLong value = counters.computeIfAbsent(name + tags, k -> new AtomicLong());
    return value::addAndGet;
  }

  @Override
  public Timer timer(String name, Tags tags) {
    AtomicLong value = timerSamples.computeIfAbsent(name + tags, k -> new AtomicLong());
    return nanos -> value.incrementAndGet();
  }

  @Override
  public Histogram histogram(String name, Tags tags) {
    return v -> {};
  }

  @Override
  public void gauge(String name, Tags tags, DoubleSupplier value) {}

  @Override
  public Span startSpan(String name, SpanKind kind) {
    RecordedSpan span = new RecordedSpan(name, kind);
    spans.add(span);
    return span;
  }

  @Override
  public Span startSpan(String name, SpanKind kind, String traceparent) {
    return startSpan(name, kind);
  }

  @Override
  public void event(String name, Map<String, Object> attributes) {}

  @Override
  public String provider() {
    return "recording";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.none();
  }

  @Override
  public Health health() {
    return Health.up("recording");
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    return type.cast(this);
  }
}
