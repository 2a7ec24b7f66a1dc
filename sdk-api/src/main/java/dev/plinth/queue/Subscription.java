package dev.plinth.queue;

/** A running consumer of one queue. Closing it stops receiving and waits for running handlers. */
public interface Subscription extends AutoCloseable {

  /**
   * Returns the queue being consumed.
   *
   * @return the queue name
   */
  String queue();

  /**
   * Tells whether the subscription is still consuming.
   *
   * @return false once closed
   */
  boolean isActive();

  /**
   * Stops receiving new messages and waits (bounded) for handlers in progress; messages not yet
   * acknowledged are redelivered later. Idempotent.
   */
  @Override
  void close();
}
