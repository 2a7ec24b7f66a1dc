package dev.plinth.spi.queue;

import dev.plinth.queue.DeadLetter;
import dev.plinth.queue.Message;
import java.time.Duration;
import java.time.Instant;

/**
 * One message received by a driver, to be settled exactly once by sdk-core with {@link #ack},
 * {@link #retryLater}, {@link #deadLetter} or {@link #abandon}.
 */
public interface DriverDelivery {

  /**
   * Returns the message with its headers (including the {@link QueueHeaders}).
   *
   * @return the message
   */
  Message message();

  /**
   * Returns how many times the broker has delivered this physical message (1 the first time; more
   * after a crash or an abandon).
   *
   * @return the delivery count, from 1
   */
  int deliveryCount();

  /** Removes the message: it was handled. */
  void ack();

  /**
   * Replaces the message with {@code next}, to be delivered after {@code delay}, and removes the
   * current one, atomically where the broker allows (a crash between the two may cause one
   * duplicate attempt, never a lost message).
   *
   * @param next the message to deliver next (same id and body, updated attempt header)
   * @param delay the delay before it becomes visible
   */
  void retryLater(Message next, Duration delay);

  /**
   * Moves the message to the dead letters with the record's reason, description, last error,
   * attempts and first-seen time, and removes it from the queue.
   *
   * @param record what to store with it
   */
  void deadLetter(DeadLetter record);

  /** Returns the message to the queue unsettled (for example when the subscription closes). */
  void abandon();

  /**
   * Returns when the broker enqueued this physical message.
   *
   * @return the enqueue time
   */
  Instant enqueuedAt();
}
