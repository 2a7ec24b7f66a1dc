package dev.plinth.queue;

/** Processes one delivery and says what should happen to the message. */
@FunctionalInterface
public interface MessageHandler {

  /**
   * Handles a delivery.
   *
   * @param delivery the message and its attempt number
   * @return what to do with the message: ack, retry or dead-letter
   * @throws Exception any exception counts as {@link Outcome#retry()} with the configured backoff
   */
  Outcome handle(Delivery delivery) throws Exception;
}
