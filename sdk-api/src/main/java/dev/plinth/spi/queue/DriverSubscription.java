package dev.plinth.spi.queue;

/** A running driver consumer. */
public interface DriverSubscription extends AutoCloseable {

  /**
   * Stops receiving and waits (bounded) for listeners in progress. Unsettled deliveries return to
   * the queue. Idempotent.
   */
  @Override
  void close();
}
