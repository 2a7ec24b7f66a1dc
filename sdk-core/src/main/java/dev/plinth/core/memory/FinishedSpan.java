package dev.plinth.core.memory;

import dev.plinth.telemetry.SpanKind;
import java.time.Instant;
import java.util.Map;

/**
 * A span recorded by {@link RecordingTelemetry} when it was closed.
 *
 * @param name the operation name
 * @param kind the span kind
 * @param traceId the trace id (32 hex)
 * @param spanId the span id (16 hex)
 * @param parentSpanId the parent's span id, or null for a root span
 * @param attributes the attributes set on the span
 * @param error the recorded error as {@code Type: message}, or null if it succeeded
 * @param start when it started
 * @param end when it was closed
 */
public record FinishedSpan(
    String name,
    SpanKind kind,
    String traceId,
    String spanId,
    String parentSpanId,
    Map<String, Object> attributes,
    String error,
    Instant start,
    Instant end) {

  /**
   * Copies the attributes.
   *
   * @param name the name
   * @param kind the kind
   * @param traceId the trace id
   * @param spanId the span id
   * @param parentSpanId the parent id
   * @param attributes the attributes
   * @param error the error
   * @param start the start
   * @param end the end
   */
  public FinishedSpan {
    attributes = Map.copyOf(attributes);
  }

  /**
   * Returns the W3C {@code traceparent} that propagated this span, as {@link
   * dev.plinth.telemetry.Span#traceparent()} gave it while the span was open.
   *
   * @return {@code 00-<traceId>-<spanId>-01}
   */
  public String traceparent() {
    return "00-" + traceId + "-" + spanId + "-01";
  }
}
