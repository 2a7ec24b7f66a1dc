package dev.plinth.spi.queue;

import dev.plinth.queue.DeadLetters;
import dev.plinth.queue.Message;
import dev.plinth.queue.SendReceipt;
import dev.plinth.spi.Driver;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Backend primitives of a message queue. sdk-core assigns message ids, stamps the {@link
 * QueueHeaders} and runs the retry/dead-letter state machine; the driver moves messages. A driver
 * must configure its broker so the broker never retries or dead-letters on its own before sdk-core
 * decides (retries never multiply), and must acknowledge a delivery only through {@link
 * DriverDelivery}.
 */
public interface QueueDriver extends Driver {

  /**
   * Sends messages and returns once the broker has accepted all of them durably.
   *
   * @param queue a valid queue name
   * @param messages messages with ids and headers set
   * @return one receipt per message, in order
   */
  List<SendReceipt> send(String queue, List<Message> messages);

  /**
   * Sends one message without blocking; completes on durable acceptance.
   *
   * @param queue a valid queue name
   * @param message a message with id and headers set
   * @return the future receipt
   */
  CompletableFuture<SendReceipt> sendAsync(String queue, Message message);

  /**
   * Starts consumers that call the listener for each delivery.
   *
   * @param queue a valid queue name
   * @param options concurrency, prefetch and the attempt limit
   * @param listener called on up to {@code concurrency} threads; it always settles the delivery
   * @return the running subscription
   */
  DriverSubscription subscribe(
      String queue, DriverSubscribeOptions options, DeliveryListener listener);

  /**
   * Gives access to a queue's dead letters. {@link DeadLetters#redrive} must send the message back
   * with {@link QueueHeaders#forRedrive}.
   *
   * @param queue a valid queue name
   * @return the dead letters
   */
  DeadLetters deadLetters(String queue);
}
