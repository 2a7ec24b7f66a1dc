package dev.plinth.telemetry;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import java.util.Map;
import java.util.function.DoubleSupplier;

/** Records nothing; spans still have valid ids so propagation code keeps working. */
final class NoopTelemetry implements Telemetry {
  static final NoopTelemetry INSTANCE = new NoopTelemetry();

  private static final Counter COUNTER = amount -> {};
  private static final Timer TIMER = nanos -> {};
  private static final Histogram HISTOGRAM = value -> {};
  private static final Scope SCOPE = () -> {};

  private NoopTelemetry() {}

  @Override
  public String provider() {
    return "none";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.none();
  }

  @Override
  public Health health() {
    return Health.up("no-op telemetry");
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new IllegalArgumentException("The no-op telemetry wraps no " + type.getName());
  }

  @Override
  public Counter counter(String name, Tags tags) {
    return COUNTER;
  }

  @Override
  public Timer timer(String name, Tags tags) {
    return TIMER;
  }

  @Override
  public Histogram histogram(String name, Tags tags) {
    return HISTOGRAM;
  }

  @Override
  public void gauge(String name, Tags tags, DoubleSupplier value) {}

  @Override
  public Span startSpan(String name, SpanKind kind) {
    return NoopSpan.INSTANCE;
  }

  @Override
  public Span startSpan(String name, SpanKind kind, String traceparent) {
    return NoopSpan.INSTANCE;
  }

  @Override
  public void event(String name, Map<String, Object> attributes) {}

  /** A span that records nothing. */
  static final class NoopSpan implements Span {
    static final NoopSpan INSTANCE = new NoopSpan();

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
      return SCOPE;
    }

    @Override
    public String traceId() {
      return "00000000000000000000000000000000";
    }

    @Override
    public String spanId() {
      return "0000000000000000";
    }

    @Override
    public void close() {}
  }
}
