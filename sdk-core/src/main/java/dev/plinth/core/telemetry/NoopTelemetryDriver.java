package dev.plinth.core.telemetry;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.core.internal.Unwrapper;
import dev.plinth.spi.telemetry.TelemetryDriver;
import dev.plinth.telemetry.Counter;
import dev.plinth.telemetry.Histogram;
import dev.plinth.telemetry.Span;
import dev.plinth.telemetry.SpanKind;
import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Telemetry;
import dev.plinth.telemetry.Timer;
import java.util.Map;
import java.util.function.DoubleSupplier;

/** The {@code none} telemetry: delegates to {@link Telemetry#noop()} and records nothing. */
public final class NoopTelemetryDriver implements TelemetryDriver {
  private final Telemetry noop = Telemetry.noop();

  /** Creates the driver. */
  public NoopTelemetryDriver() {}

  @Override
  public Counter counter(String name, Tags tags) {
    return noop.counter(name, tags);
  }

  @Override
  public Timer timer(String name, Tags tags) {
    return noop.timer(name, tags);
  }

  @Override
  public Histogram histogram(String name, Tags tags) {
    return noop.histogram(name, tags);
  }

  @Override
  public void gauge(String name, Tags tags, DoubleSupplier value) {
    noop.gauge(name, tags, value);
  }

  @Override
  public Span startSpan(String name, SpanKind kind) {
    return noop.startSpan(name, kind);
  }

  @Override
  public Span startSpan(String name, SpanKind kind, String traceparent) {
    return noop.startSpan(name, kind, traceparent);
  }

  @Override
  public void event(String name, Map<String, Object> attributes) {
    noop.event(name, attributes);
  }

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
    return Health.up("telemetry disabled (plinth.telemetry.provider=none)");
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    return Unwrapper.unwrap(this, this, noop, type, "The none telemetry");
  }

  /** Nothing to release. */
  @Override
  public void close() {}
}
