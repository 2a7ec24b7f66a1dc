package dev.plinth.server.execution;

import java.util.Locale;
import java.util.Optional;

/**
 * The states of an execution: {@code queued → running → succeeded | failed | cancelled |
 * dead_lettered}. A running execution whose attempt failed goes back to {@code queued} until the
 * queue redelivers it; an admin redrive moves a dead-lettered one back to {@code queued}.
 */
public enum ExecutionStatus {
  /** Waiting for a worker (new, between attempts, or redriven). */
  QUEUED,
  /** A worker is running its steps, or a delay step paused it (its resume time is set). */
  RUNNING,
  /** Every step succeeded. */
  SUCCEEDED,
  /** A step failed in a way retrying cannot fix (e.g. a host outside the allow-list). */
  FAILED,
  /** Cancelled by a caller before it finished. */
  CANCELLED,
  /** Every attempt failed; the message is in the queue's dead letters. */
  DEAD_LETTERED;

  /**
   * Returns the id used in the API and the database.
   *
   * @return e.g. {@code dead_lettered}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Tells whether no worker will change this execution any more (a redelivery is a no-op).
   *
   * @return true for succeeded, failed, cancelled and dead_lettered
   */
  public boolean isFinished() {
    return this != QUEUED && this != RUNNING;
  }

  /**
   * Tells whether a worker may start an attempt: queued, or running after a crashed attempt.
   *
   * @return true for queued and running
   */
  public boolean canStart() {
    return !isFinished();
  }

  /**
   * Tells whether a caller may cancel the execution.
   *
   * @return true unless finished
   */
  public boolean canCancel() {
    return !isFinished();
  }

  /**
   * Tells whether an admin redrive may requeue the execution.
   *
   * @return true for dead_lettered and failed
   */
  public boolean canRedrive() {
    return this == DEAD_LETTERED || this == FAILED;
  }

  /**
   * Parses an id.
   *
   * @param text e.g. {@code queued}
   * @return the status, or empty when unknown
   */
  public static Optional<ExecutionStatus> parse(String text) {
    for (ExecutionStatus status : values()) {
      if (status.id().equals(text)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
