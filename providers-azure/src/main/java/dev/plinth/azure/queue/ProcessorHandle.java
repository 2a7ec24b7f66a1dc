package dev.plinth.azure.queue;

/**
 * A built {@code ServiceBusProcessorClient} (or session processor): the seam to start and stop it.
 */
interface ProcessorHandle extends AutoCloseable {

  /** Starts receiving. */
  void start();

  /** Stops receiving new messages; links stay open so messages in progress can still settle. */
  void stop();

  /** Closes the processor and its links. */
  @Override
  void close();
}
