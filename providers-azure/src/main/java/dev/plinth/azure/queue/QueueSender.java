package dev.plinth.azure.queue;

import com.azure.messaging.servicebus.ServiceBusMessage;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;

/** Sends to one queue: the seam over {@code ServiceBusSenderClient} and its async twin. */
interface QueueSender extends AutoCloseable {

  /**
   * Creates an empty batch sized by the namespace's link limit.
   *
   * @return the batch
   */
  OutgoingBatch createBatch();

  /**
   * Sends a batch and returns once Service Bus accepted it.
   *
   * @param batch a non-empty batch
   */
  void send(OutgoingBatch batch);

  /**
   * Sends one message without blocking.
   *
   * @param message the message
   * @return completes once Service Bus accepted it
   */
  CompletableFuture<Void> sendAsync(ServiceBusMessage message);

  /**
   * Schedules a message.
   *
   * @param message the message
   * @param at when it becomes visible
   * @return its sequence number, to cancel it
   */
  long schedule(ServiceBusMessage message, OffsetDateTime at);

  /**
   * Cancels a scheduled message.
   *
   * @param sequenceNumber the number {@link #schedule} returned
   */
  void cancelScheduled(long sequenceNumber);

  /** Closes the sender's link. */
  @Override
  void close();

  /** A batch being filled: the seam over {@code ServiceBusMessageBatch}. */
  interface OutgoingBatch {

    /**
     * Adds a message if it fits.
     *
     * @param message the message
     * @return false if the batch is full
     */
    boolean tryAdd(ServiceBusMessage message);

    /**
     * Returns how many messages were added.
     *
     * @return the count
     */
    int count();
  }
}
