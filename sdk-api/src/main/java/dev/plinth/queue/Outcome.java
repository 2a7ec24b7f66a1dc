package dev.plinth.queue;

import java.time.Duration;
import java.util.Objects;

/** What a {@link MessageHandler} decided: acknowledge, retry later, or dead-letter. */
public sealed interface Outcome permits Outcome.Ack, Outcome.Retry, Outcome.DeadLetter {

  /**
   * The message was processed; remove it.
   *
   * @return the ack outcome
   */
  static Outcome ack() {
    return Ack.INSTANCE;
  }

  /**
   * Try again after the subscription's backoff (or dead-letter on the last attempt).
   *
   * @return the retry outcome
   */
  static Outcome retry() {
    return new Retry(null, null);
  }

  /**
   * Try again after a given delay (or dead-letter on the last attempt).
   *
   * @param after the delay before the next attempt
   * @return the retry outcome
   */
  static Outcome retry(Duration after) {
    return new Retry(Objects.requireNonNull(after, "after"), null);
  }

  /**
   * Move the message to the dead letters now, without further attempts.
   *
   * @param reason a short machine-readable reason, e.g. {@code invalid-payload}
   * @param description a human-readable explanation
   * @return the dead-letter outcome
   */
  static Outcome deadLetter(String reason, String description) {
    return new DeadLetter(reason, description);
  }

  /** Acknowledge: the message is done. */
  final class Ack implements Outcome {
    private static final Ack INSTANCE = new Ack();

    private Ack() {}

    @Override
    public String toString() {
      return "ack";
    }
  }

  /**
   * Retry the message.
   *
   * @param after the delay, or null for the subscription's backoff
   * @param error the error that caused the retry, or null
   */
  record Retry(Duration after, String error) implements Outcome {}

  /**
   * Dead-letter the message.
   *
   * @param reason a short machine-readable reason
   * @param description a human-readable explanation
   */
  record DeadLetter(String reason, String description) implements Outcome {
    /**
     * Validates the reason.
     *
     * @param reason the reason
     * @param description the description
     */
    public DeadLetter {
      Objects.requireNonNull(reason, "reason");
      description = description == null ? "" : description;
    }
  }
}
