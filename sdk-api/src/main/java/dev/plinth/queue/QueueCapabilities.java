package dev.plinth.queue;

/** Feature and limit names a {@link MessageQueue} provider may declare. */
public final class QueueCapabilities {
  /** {@link Message#deliverAt()} is honoured. */
  public static final String SCHEDULED_DELIVERY = "queue.scheduled-delivery";

  /** {@link Message#orderingKey()} gives in-order, one-at-a-time processing per key. */
  public static final String ORDERING = "queue.ordering";

  /** A second message with the same {@link Message#messageId()} is dropped. */
  public static final String DUPLICATE_DETECTION = "queue.duplicate-detection";

  /** Messages survive a broker restart. */
  public static final String DURABLE = "queue.durable";

  /** Limit: the largest message body in bytes. */
  public static final String MAX_MESSAGE_BYTES = "queue.max-message-bytes";

  private QueueCapabilities() {}
}
