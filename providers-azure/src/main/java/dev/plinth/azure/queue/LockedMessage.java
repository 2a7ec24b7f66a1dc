package dev.plinth.azure.queue;

import com.azure.messaging.servicebus.models.DeadLetterOptions;

/**
 * A message received in peek-lock mode, to be settled once: the seam over {@code
 * ServiceBusReceivedMessageContext} (processor) and over a receiver plus its message (dead
 * letters). Settlement methods throw the SDK's exceptions; callers map them.
 */
interface LockedMessage {

  /**
   * Returns the received message's fields.
   *
   * @return the message
   */
  InboundMessage message();

  /** Completes (removes) the message. */
  void complete();

  /** Abandons the message: it becomes visible again and its delivery count grows. */
  void abandon();

  /**
   * Moves the message to the queue's {@code $DeadLetterQueue}.
   *
   * @param options reason, description and the properties to add
   */
  void deadLetter(DeadLetterOptions options);
}
