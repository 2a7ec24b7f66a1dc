package dev.plinth.telemetry;

import java.util.Optional;
import java.util.UUID;

/**
 * The correlation id of the work running on the current thread: set from {@code X-Correlation-ID}
 * by a server, carried in message properties, written into every event and log line.
 */
public final class CorrelationContext {
  /** The message property and HTTP header that carries the id. */
  public static final String HEADER = "X-Correlation-ID";

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private CorrelationContext() {}

  /**
   * Returns the current correlation id.
   *
   * @return the id, or empty if none is set
   */
  public static Optional<String> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /**
   * Sets the correlation id until the returned scope is closed.
   *
   * @param correlationId the id; null clears it
   * @return the scope that restores the previous id
   */
  public static Scope open(String correlationId) {
    String previous = CURRENT.get();
    CURRENT.set(correlationId);
    return () -> {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    };
  }

  /**
   * Creates a new random correlation id.
   *
   * @return a UUID string
   */
  public static String newId() {
    return UUID.randomUUID().toString();
  }
}
