package dev.plinth.core.telemetry;

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
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * A {@link Telemetry} that forwards every call to another one: the base for decorators given to
 * {@code Platform.Builder.decorateTelemetry}, which override only what they add.
 *
 * <p>{@link #unwrap(Class)} answers with the decorator itself when asked for its type, else with
 * whatever the decorated telemetry unwraps to, so code reaching for the provider keeps working.
 */
public abstract class ForwardingTelemetry implements Telemetry {
  private final Telemetry delegate;

  /**
   * Creates the decorator.
   *
   * @param delegate the telemetry that receives every call not overridden
   */
  protected ForwardingTelemetry(Telemetry delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /**
   * Returns the decorated telemetry.
   *
   * @return the telemetry calls are forwarded to
   */
  protected final Telemetry delegate() {
    return delegate;
  }

  @Override
  public Counter counter(String name, Tags tags) {
    return delegate.counter(name, tags);
  }

  @Override
  public Timer timer(String name, Tags tags) {
    return delegate.timer(name, tags);
  }

  @Override
  public Histogram histogram(String name, Tags tags) {
    return delegate.histogram(name, tags);
  }

  @Override
  public void gauge(String name, Tags tags, DoubleSupplier value) {
    delegate.gauge(name, tags, value);
  }

  @Override
  public Span startSpan(String name, SpanKind kind) {
    return delegate.startSpan(name, kind);
  }

  @Override
  public Span startSpan(String name, SpanKind kind, String traceparent) {
    return delegate.startSpan(name, kind, traceparent);
  }

  @Override
  public void event(String name, Map<String, Object> attributes) {
    delegate.event(name, attributes);
  }

  @Override
  public String provider() {
    return delegate.provider();
  }

  @Override
  public Capabilities capabilities() {
    return delegate.capabilities();
  }

  @Override
  public Health health() {
    return delegate.health();
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
  }
}
