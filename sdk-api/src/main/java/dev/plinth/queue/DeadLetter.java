package dev.plinth.queue;

import java.time.Instant;

/**
 * A message that was moved to a queue's dead letters, with why.
 *
 * @param id the dead letter's id (use it to redrive or delete)
 * @param queue the queue the message came from
 * @param message the original message
 * @param reason a short machine-readable reason ({@code max-attempts-exceeded} or the handler's)
 * @param description a human-readable explanation
 * @param lastError the last handler error, or null
 * @param attempts how many attempts were made
 * @param firstEnqueuedAt when the first attempt was enqueued
 * @param deadLetteredAt when it was dead-lettered
 */
public record DeadLetter(
    String id,
    String queue,
    Message message,
    String reason,
    String description,
    String lastError,
    int attempts,
    Instant firstEnqueuedAt,
    Instant deadLetteredAt) {

  /** The reason used when a message ran out of attempts. */
  public static final String MAX_ATTEMPTS_EXCEEDED = "max-attempts-exceeded";
}
