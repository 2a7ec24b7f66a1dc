package dev.plinth.core.cache;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.telemetry.Counter;
import dev.plinth.telemetry.Histogram;
import dev.plinth.telemetry.Span;
import dev.plinth.telemetry.SpanKind;
import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Telemetry;
import dev.plinth.telemetry.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/** Telemetry that keeps counter totals and timer sample counts for assertions. */
final class RecordingTelemetry implements Telemetry {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> timings = new ConcurrentHashMap<>();

  /**
   * Returns a counter's total.
   *
   * @param name the metric name
   * @param tags alternating tag names and values
   * @return the total, 0 if never incremented
   */
  long count(String name, String... tags) {
    LongAdder adder = counts.get(id(name, Tags.of(tags)));
    return adder == null ? 0 : adder.sum();
  }

  /**
   * Returns how many durations a timer recorded.
   *
   * @param name the metric name
   * @param tags alternating tag names and values
   * @return the number of samples
   */
  long timings(String name, String... tags) {
    LongAdder adder = timings.get(id(name, Tags.of(tags)));
    return adder == null ? 0 : adder.sum();
  }

  private static String id(String name, Tags tags) {
    return name + tags;
  }

  @Override
  public Counter counter(String name, Tags tags) {
    LongAdder adder = counts.computeIfAbsent(id(name, tags), k -> new LongAdder());
    return adder::add;
  }

  @Override
  public Timer timer(String name, Tags tags) {
    LongAdder adder = timings.computeIfAbsent(id(name, tags), k -> new LongAdder());
    return nanos -> adder.increment();
  }

  @Override
  public Histogram histogram(String name, Tags tags) {
    return value -> {};
  }

  @Override
  public void gauge(String name, Tags tags, DoubleSupplier value) {}

  @Override
  public Span startSpan(String name, SpanKind kind) {
    return Telemetry.noop().startSpan(name, kind);
  }

  @Override
  public Span startSpan(String name, SpanKind kind, String traceparent) {
    return Telemetry.noop().startSpan(name, kind, traceparent);
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
