package dev.plinth.tck;

import dev.plinth.telemetry.SpanKind;
import java.util.Map;

/**
 * A finished span as a {@link TelemetryProbe} reports it.
 *
 * @param name the operation name
 * @param kind the span kind
 * @param traceId the trace id (32 hex)
 * @param spanId the span id (16 hex)
 * @param parentSpanId the parent span id, or null for a root span
 * @param attributes the attributes
 */
public record SpanRecord(
    String name,
    SpanKind kind,
    String traceId,
    String spanId,
    String parentSpanId,
    Map<String, Object> attributes) {}
