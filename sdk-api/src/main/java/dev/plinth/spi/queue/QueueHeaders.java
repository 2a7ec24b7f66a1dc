package dev.plinth.spi.queue;

import dev.plinth.queue.DeadLetter;
import dev.plinth.queue.Message;
import java.time.Instant;

/**
 * Message properties with which sdk-core carries the retry state across providers. Drivers store
 * them as ordinary message properties.
 */
public final class QueueHeaders {
  /** The attempt this physical message starts at (1 for a fresh message). */
  public static final String ATTEMPT = "plinth-attempt";

  /** When the first attempt was enqueued, ISO-8601. */
  public static final String FIRST_ENQUEUED = "plinth-first-enqueued";

  /** The last handler error (type and message), carried to the dead letter. */
  public static final String LAST_ERROR = "plinth-last-error";

  /** W3C trace context of the sender. */
  public static final String TRACEPARENT = "traceparent";

  /** Dead letter: reason. */
  public static final String DL_REASON = "plinth-dl-reason";

  /** Dead letter: description. */
  public static final String DL_DESCRIPTION = "plinth-dl-description";

  /** Dead letter: number of attempts made. */
  public static final String DL_ATTEMPTS = "plinth-dl-attempts";

  /** Dead letter: when it was dead-lettered, ISO-8601. */
  public static final String DL_AT = "plinth-dl-at";

  /** Dead letter: the queue the message came from. */
  public static final String DL_SOURCE_QUEUE = "plinth-dl-source-queue";

  private QueueHeaders() {}

  /**
   * Returns the message as it should be stored in the dead letters: the original plus the record's
   * fields as {@code plinth-dl-*} properties.
   *
   * @param record the dead-letter record
   * @return the message to store
   */
  public static Message forDeadLetter(DeadLetter record) {
    Message.Builder b = record.message().toBuilder();
    b.property(DL_REASON, record.reason());
    b.property(DL_DESCRIPTION, record.description() == null ? "" : record.description());
    b.property(DL_ATTEMPTS, Integer.toString(record.attempts()));
    b.property(DL_AT, record.deadLetteredAt().toString());
    b.property(DL_SOURCE_QUEUE, record.queue());
    if (record.lastError() != null) {
      b.property(LAST_ERROR, record.lastError());
    }
    if (record.firstEnqueuedAt() != null) {
      b.property(FIRST_ENQUEUED, record.firstEnqueuedAt().toString());
    }
    return b.build();
  }

  /**
   * Reads a dead letter back from a stored message.
   *
   * @param id the dead letter's id in the driver
   * @param queue the source queue
   * @param stored the stored message with {@code plinth-dl-*} properties
   * @return the record; its message no longer carries the dead-letter properties
   */
  public static DeadLetter toDeadLetter(String id, String queue, Message stored) {
    var p = stored.properties();
    String first = p.get(FIRST_ENQUEUED);
    String at = p.get(DL_AT);
    return new DeadLetter(
        id,
        queue,
        stripDeadLetterHeaders(stored),
        p.getOrDefault(DL_REASON, "unknown"),
        p.getOrDefault(DL_DESCRIPTION, ""),
        p.get(LAST_ERROR),
        Integer.parseInt(p.getOrDefault(DL_ATTEMPTS, "0")),
        first == null ? null : Instant.parse(first),
        at == null ? null : Instant.parse(at));
  }

  /**
   * Returns the message to send back to its queue on redrive: dead-letter and retry headers
   * removed, so attempts start again at 1.
   *
   * @param stored the stored dead-letter message
   * @return the fresh message
   */
  public static Message forRedrive(Message stored) {
    return stripDeadLetterHeaders(stored).toBuilder()
        .removeProperty(ATTEMPT)
        .removeProperty(FIRST_ENQUEUED)
        .removeProperty(LAST_ERROR)
        .deliverAt(null)
        .build();
  }

  private static Message stripDeadLetterHeaders(Message stored) {
    return stored.toBuilder()
        .removeProperty(DL_REASON)
        .removeProperty(DL_DESCRIPTION)
        .removeProperty(DL_ATTEMPTS)
        .removeProperty(DL_AT)
        .removeProperty(DL_SOURCE_QUEUE)
        .build();
  }
}
