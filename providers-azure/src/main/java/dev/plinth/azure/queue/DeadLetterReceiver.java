package dev.plinth.azure.queue;

import java.time.Duration;
import java.util.List;

/** A peek-lock receiver on one queue's {@code $DeadLetterQueue}: the seam over the SDK receiver. */
interface DeadLetterReceiver extends AutoCloseable {

  /**
   * Reads messages without locking them.
   *
   * @param max the most to return
   * @param fromSequenceNumber the first sequence number to read, or null to start at the oldest
   * @return the messages, oldest first; empty at the end
   */
  List<InboundMessage> peek(int max, Long fromSequenceNumber);

  /**
   * Receives and locks messages.
   *
   * @param max the most to return
   * @param maxWait how long to wait for the first one
   * @return the locked messages; empty when none arrived in time
   */
  List<LockedMessage> receive(int max, Duration maxWait);

  /** Closes the receiver; messages still locked become visible again when their locks expire. */
  @Override
  void close();
}
