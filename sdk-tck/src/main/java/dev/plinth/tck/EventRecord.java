package dev.plinth.tck;

import java.util.Map;

/**
 * A structured event as a {@link TelemetryProbe} reports it.
 *
 * @param name the event name
 * @param attributes the fields
 * @param traceId the trace id of the span current when it was recorded, or null
 * @param spanId the id of that span, or null
 * @param correlationId the correlation id, or null
 */
public record EventRecord(
    String name,
    Map<String, Object> attributes,
    String traceId,
    String spanId,
    String correlationId) {}
