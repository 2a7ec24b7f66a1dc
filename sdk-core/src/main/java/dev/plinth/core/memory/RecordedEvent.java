package dev.plinth.core.memory;

import java.time.Instant;
import java.util.Map;

/**
 * A structured event recorded by {@link RecordingTelemetry}.
 *
 * @param name the event name
 * @param attributes the fields (null values dropped)
 * @param traceId the current span's trace id when it was recorded, or null
 * @param spanId the current span's id, or null
 * @param correlationId the {@link dev.plinth.telemetry.CorrelationContext} id, or null
 * @param timestamp when it was recorded
 */
public record RecordedEvent(
    String name,
    Map<String, Object> attributes,
    String traceId,
    String spanId,
    String correlationId,
    Instant timestamp) {

  /**
   * Copies the attributes.
   *
   * @param name the name
   * @param attributes the attributes
   * @param traceId the trace id
   * @param spanId the span id
   * @param correlationId the correlation id
   * @param timestamp the time
   */
  public RecordedEvent {
    attributes = Map.copyOf(attributes);
  }
}
