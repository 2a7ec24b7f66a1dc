package dev.plinth.telemetry;

/** A timed operation in a trace. Close it exactly once to end it. */
public interface Span extends AutoCloseable {

  /**
   * Adds an attribute.
   *
   * @param key the attribute name
   * @param value a string, number or boolean
   * @return this span
   */
  Span setAttribute(String key, Object value);

  /**
   * Marks the span as failed and records the error (type and message, never secrets).
   *
   * @param error the error
   * @return this span
   */
  Span recordError(Throwable error);

  /**
   * Makes this span the current one on this thread until the scope is closed, so child spans and
   * events attach to it.
   *
   * @return the scope to close
   */
  Scope makeCurrent();

  /**
   * Returns the trace id (32 lower-case hex characters).
   *
   * @return the trace id
   */
  String traceId();

  /**
   * Returns the span id (16 lower-case hex characters).
   *
   * @return the span id
   */
  String spanId();

  /**
   * Returns the W3C {@code traceparent} value that propagates this span to another process.
   *
   * @return the traceparent, e.g. {@code 00-<trace>-<span>-01}
   */
  default String traceparent() {
    return "00-" + traceId() + "-" + spanId() + "-01";
  }

  /** Ends the span. */
  @Override
  void close();
}
