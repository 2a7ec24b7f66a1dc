package dev.plinth.core.queue;

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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/** A telemetry for tests that remembers counters, timer samples, spans and events. */
final class RecordingTelemetry implements Telemetry {
  /** A started span. */
  record SpanRecord(String name, SpanKind kind, String parent, String traceparent) {}

  /** A recorded event. */
  record EventRecord(String name, Map<String, Object> attributes) {}

  private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> timerSamples = new ConcurrentHashMap<>();
  final List<SpanRecord> spans = new CopyOnWriteArrayList<>();
  final List<EventRecord> events = new CopyOnWriteArrayList<>();

  long count(String name, Tags tags) {
    AtomicLong value = counters.get(name + tags);
    return value == null ? 0 : value.get();
  }

  long timerSamples(String name, Tags tags) {
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
    return startSpan(name, kind, null);
  }

  @Override
  public Span startSpan(String name, SpanKind kind, String traceparent) {
    String traceId = traceparent != null ? traceparent.substring(3, 35) : hex(16);
    String spanId = hex(8);
    spans.add(new SpanRecord(name, kind, traceparent, "00-" + traceId + "-" + spanId + "-01"));
    return new Span() {
      @Override
      public Span setAttribute(String key, Object value) {
        return this;
      }

      @Override
      public Span recordError(Throwable error) {
        return this;
      }

      @Override
      public Scope makeCurrent() {
        return () -> {};
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
      public void close() {}
    };
  }

  @Override
  public void event(String name, Map<String, Object> attributes) {
    events.add(new EventRecord(name, Map.copyOf(attributes)));
  }

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

  private static String hex(int bytes) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < bytes; i++) {
      sb.append(String.format("%02x", ThreadLocalRandom.current().nextInt(256)));
    }
    return sb.toString();
  }
}
