package dev.plinth.tck;

import dev.plinth.telemetry.Tags;
import java.util.List;

/**
 * Reads back what a telemetry provider recorded, so {@link TelemetryContract} can check it. A
 * provider implements it over its own output (in-memory records, parsed console lines, an in-memory
 * exporter, ...).
 */
public interface TelemetryProbe {

  /**
   * Returns a counter series' value.
   *
   * @param name the metric name
   * @param tags the exact tags
   * @return the value, 0 if never incremented
   */
  double counter(String name, Tags tags);

  /**
   * Returns how many durations a timer series recorded.
   *
   * @param name the metric name
   * @param tags the exact tags
   * @return the count, 0 if never recorded
   */
  long timerCount(String name, Tags tags);

  /**
   * Samples a gauge series.
   *
   * @param name the metric name
   * @param tags the exact tags
   * @return the value, or null if no such gauge is registered
   */
  Double gauge(String name, Tags tags);

  /**
   * Returns the spans finished so far.
   *
   * @return the spans, in any order
   */
  List<SpanRecord> finishedSpans();

  /**
   * Returns the events recorded so far.
   *
   * @return the events, in any order
   */
  List<EventRecord> events();
}
