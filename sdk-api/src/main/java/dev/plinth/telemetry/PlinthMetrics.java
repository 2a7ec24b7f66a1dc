package dev.plinth.telemetry;

/** The metric names sdk-core records for every provider (DESIGN.md section 4). */
public final class PlinthMetrics {
  /** Counter: storage operations, tags {@code op, provider, outcome}. */
  public static final String STORAGE_OPS = "plinth_storage_ops_total";

  /** Counter: bytes written and read, tags {@code direction=in|out, provider}. */
  public static final String STORAGE_BYTES = "plinth_storage_bytes_total";

  /** Timer: storage operation latency, tags {@code op, provider}. */
  public static final String STORAGE_DURATION = "plinth_storage_op_duration_seconds";

  /** Counter: cache requests, tags {@code result=hit|miss|stale|loaded, provider}. */
  public static final String CACHE_REQUESTS = "plinth_cache_requests_total";

  /** Counter: cache operations, tags {@code op, provider, outcome}. */
  public static final String CACHE_OPS = "plinth_cache_ops_total";

  /** Timer: cache operation latency, tags {@code op, provider}. */
  public static final String CACHE_DURATION = "plinth_cache_op_duration_seconds";

  /** Counter: sent messages, tags {@code queue, provider, outcome}. */
  public static final String QUEUE_SENT = "plinth_queue_sent_total";

  /** Counter: handled messages, tags {@code queue, provider, outcome=ack|retry|dead_letter}. */
  public static final String QUEUE_MESSAGES = "plinth_queue_messages_total";

  /** Timer: handler latency, tags {@code queue, provider}. */
  public static final String QUEUE_HANDLER_DURATION = "plinth_queue_handler_duration_seconds";

  /** Counter: successful authentications, tags {@code provider, kind}. */
  public static final String AUTH_SUCCESSES = "plinth_auth_success_total";

  /** Counter: failed authentications, tags {@code provider, reason}. */
  public static final String AUTH_FAILURES = "plinth_auth_failures_total";

  /** Timer: token verification latency, tags {@code provider}. */
  public static final String AUTH_DURATION = "plinth_auth_duration_seconds";

  private PlinthMetrics() {}
}
