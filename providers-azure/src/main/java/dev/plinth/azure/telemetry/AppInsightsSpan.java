package dev.plinth.azure.telemetry;

import dev.plinth.telemetry.Scope;
import dev.plinth.telemetry.Span;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Plinth span over an OpenTelemetry span. Server and consumer spans become Application Insights
 * requests, the other kinds dependencies.
 */
final class AppInsightsSpan implements Span {
  private final io.opentelemetry.api.trace.Span span;
  private final AtomicBoolean ended = new AtomicBoolean();

  AppInsightsSpan(io.opentelemetry.api.trace.Span span) {
    this.span = span;
  }

  /**
   * Returns the OpenTelemetry span, for code that needs the native API.
   *
   * @return the span
   */
  io.opentelemetry.api.trace.Span otelSpan() {
    return span;
  }

  @Override
  public Span setAttribute(String key, Object value) {
    AttributesBuilder attributes = Attributes.builder();
    OtelAttributes.put(attributes, key, value);
    span.setAllAttributes(attributes.build());
    return this;
  }

  @Override
  public Span recordError(Throwable error) {
    span.recordException(error);
    span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
    return this;
  }

  @Override
  public Scope makeCurrent() {
    io.opentelemetry.context.Scope scope = span.makeCurrent();
    return scope::close;
  }

  @Override
  public String traceId() {
    return span.getSpanContext().getTraceId();
  }

  @Override
  public String spanId() {
    return span.getSpanContext().getSpanId();
  }

  /** Carries the real sampled flag, so a downstream service keeps the same sampling decision. */
  @Override
  public String traceparent() {
    SpanContext context = span.getSpanContext();
    return "00-"
        + context.getTraceId()
        + "-"
        + context.getSpanId()
        + "-"
        + context.getTraceFlags().asHex();
  }

  @Override
  public void close() {
    if (ended.compareAndSet(false, true)) {
      span.end();
    }
  }
}
