package dev.plinth.queue;

import java.util.List;
import java.util.Optional;

/** The dead letters of one queue: inspect, return to the queue, or delete. */
public interface DeadLetters {

  /**
   * Lists dead letters, oldest first, without removing them.
   *
   * @param max the most to return (1..1000)
   * @return the dead letters
   */
  List<DeadLetter> list(int max);

  /**
   * Reads one dead letter without removing it.
   *
   * @param id the dead letter's id
   * @return the dead letter, or empty
   */
  Optional<DeadLetter> peek(String id);

  /**
   * Sends a dead letter back to its queue as a fresh message (attempts start again at 1) and
   * removes it from the dead letters.
   *
   * @param id the dead letter's id
   * @throws dev.plinth.error.NotFoundException if there is no such dead letter
   */
  void redrive(String id);

  /**
   * Deletes one dead letter.
   *
   * @param id the dead letter's id
   * @return true if it existed
   */
  boolean delete(String id);

  /**
   * Deletes every dead letter of the queue.
   *
   * @return how many were deleted
   */
  long purge();

  /**
   * Counts the dead letters.
   *
   * @return the number of dead letters
   */
  long count();
}
