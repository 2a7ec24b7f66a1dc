package dev.plinth.queue;

import dev.plinth.Port;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends messages to named queues and consumes them with one retry/dead-letter state machine for
 * every provider: a handler returns an explicit {@link Outcome}; a thrown exception counts as
 * {@link Outcome#retry()}; after {@link SubscribeOptions#maxAttempts()} attempts the message moves
 * to the queue's dead letters with the reason, the last error, the attempts and the first-seen
 * time. Delivery is at least once: a message whose handler did not finish (crash, kill) is
 * delivered again, never lost.
 *
 * <p>Queue names: 1..200 characters of letters, digits, {@code .}, {@code -} and {@code _}.
 */
public interface MessageQueue extends Port {

  /**
   * Sends a message and returns once the broker has accepted it durably.
   *
   * @param queue the queue name
   * @param message the message
   * @return the receipt with the message id
   */
  SendReceipt send(String queue, Message message);

  /**
   * Sends several messages with one durable confirmation where the backend allows (much faster than
   * one {@link #send} per message).
   *
   * @param queue the queue name
   * @param messages the messages, in order
   * @return one receipt per message, in order
   */
  List<SendReceipt> sendBatch(String queue, List<Message> messages);

  /**
   * Sends a message without blocking the caller; the future completes once the broker has accepted
   * it durably, or exceptionally with a {@link dev.plinth.error.PlinthException}.
   *
   * @param queue the queue name
   * @param message the message
   * @return the future receipt
   */
  CompletableFuture<SendReceipt> sendAsync(String queue, Message message);

  /**
   * Starts consuming a queue. Returns once the consumers are running.
   *
   * @param queue the queue name
   * @param handler called for every delivery, on up to {@code concurrency} threads at once
   * @param options concurrency, prefetch, attempts and backoff
   * @return a handle that stops consuming when closed
   */
  Subscription subscribe(String queue, MessageHandler handler, SubscribeOptions options);

  /**
   * Gives access to a queue's dead letters.
   *
   * @param queue the queue name
   * @return the dead letters of that queue
   */
  DeadLetters deadLetters(String queue);
}
