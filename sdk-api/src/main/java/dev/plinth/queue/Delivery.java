package dev.plinth.queue;

import java.time.Instant;

/**
 * One delivery of a message to a handler.
 *
 * @param queue the queue it came from
 * @param message the message
 * @param attempt which attempt this is, from 1, counted the same way by every provider (retries and
 *     redeliveries after a crash both count)
 * @param maxAttempts the subscription's maximum; on the last attempt a retry dead-letters
 * @param firstEnqueuedAt when the first attempt was enqueued
 */
public record Delivery(
    String queue, Message message, int attempt, int maxAttempts, Instant firstEnqueuedAt) {

  /**
   * Tells whether a retry after this attempt would dead-letter the message instead.
   *
   * @return true on the last attempt
   */
  public boolean isLastAttempt() {
    return attempt >= maxAttempts;
  }
}
