package dev.plinth.telemetry;

/** The role of a span, as in OpenTelemetry. */
public enum SpanKind {
  /** Work inside the process. */
  INTERNAL,
  /** A call to another service (storage, cache, broker). */
  CLIENT,
  /** Handling an incoming request. */
  SERVER,
  /** Sending a message. */
  PRODUCER,
  /** Processing a message. */
  CONSUMER
}
