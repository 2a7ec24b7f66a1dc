package dev.plinth.telemetry;

import dev.plinth.Port;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Metrics (counters, timers, histograms, gauges with tags), spans and structured events. The same
 * names appear on every provider; sdk-core records the per-port metrics listed in {@link
 * PlinthMetrics} for every provider. Instruments are cheap to look up but callers on hot paths
 * should keep them.
 */
public interface Telemetry extends Port {

  /**
   * Returns a telemetry that records nothing, so code runs without a provider.
   *
   * @return the no-op telemetry
   */
  static Telemetry noop() {
    return NoopTelemetry.INSTANCE;
  }

  /**
   * Returns a monotonically increasing counter.
   *
   * @param name a Prometheus-style name, e.g. {@code plinth_storage_ops_total}
   * @param tags dimension names and values
   * @return the counter
   */
  Counter counter(String name, Tags tags);

  /**
   * Returns a timer (a latency histogram in seconds).
   *
   * @param name a name such as {@code plinth_storage_op_duration_seconds}
   * @param tags dimension names and values
   * @return the timer
   */
  Timer timer(String name, Tags tags);

  /**
   * Returns a histogram of arbitrary values (sizes, counts).
   *
   * @param name a name such as {@code plinth_queue_message_bytes}
   * @param tags dimension names and values
   * @return the histogram
   */
  Histogram histogram(String name, Tags tags);

  /**
   * Registers a gauge sampled when metrics are read. Registering the same name and tags again
   * replaces the supplier.
   *
   * @param name a name such as {@code plinth_queue_dead_letters}
   * @param tags dimension names and values
   * @param value supplies the current value
   */
  void gauge(String name, Tags tags, DoubleSupplier value);

  /**
   * Starts a span as a child of the current span (if any). Close it to end it; call {@link
   * Span#makeCurrent()} to make children attach to it.
   *
   * @param name the operation, e.g. {@code storage.put}
   * @param kind internal, client, server, producer or consumer
   * @return the started span
   */
  Span startSpan(String name, SpanKind kind);

  /**
   * Starts a span that continues a remote trace, for example from a message's {@code traceparent}
   * property or an HTTP header.
   *
   * @param name the operation
   * @param kind the span kind
   * @param traceparent a W3C {@code traceparent} value, or null to start a new trace
   * @return the started span
   */
  Span startSpan(String name, SpanKind kind, String traceparent);

  /**
   * Records a structured event (a log line with fields), with the current trace and correlation
   * ids.
   *
   * @param name the event name, e.g. {@code execution.finished}
   * @param attributes fields; values should be strings, numbers or booleans
   */
  void event(String name, Map<String, Object> attributes);
}
