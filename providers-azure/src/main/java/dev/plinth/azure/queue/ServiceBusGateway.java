package dev.plinth.azure.queue;

import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The seam between the driver and the Service Bus SDK: everything the driver does to a namespace
 * goes through this interface, so unit tests replace it with mocks. {@link SdkServiceBusGateway} is
 * the real implementation.
 */
interface ServiceBusGateway extends AutoCloseable {

  /**
   * Opens a sender for one queue; the caller caches and closes it.
   *
   * @param queue the queue
   * @return the sender
   */
  QueueSender sender(String queue);

  /**
   * Builds (without starting) a peek-lock processor with auto-complete disabled.
   *
   * @param queue the queue
   * @param spec concurrency, prefetch, lock renewal and whether the queue uses sessions
   * @param onMessage called for every locked message, on up to {@code spec.concurrency()} threads
   * @param onError called with every error the processor reports
   * @return the processor, not started
   */
  ProcessorHandle processor(
      String queue,
      ProcessorSpec spec,
      Consumer<LockedMessage> onMessage,
      Consumer<ProcessorError> onError);

  /**
   * Opens a peek-lock receiver on a queue's {@code $DeadLetterQueue}; the caller closes it.
   *
   * @param queue the queue
   * @return the receiver
   */
  DeadLetterReceiver deadLetterReceiver(String queue);

  /**
   * Reads the dead-letter count from the queue's runtime properties.
   *
   * @param queue the queue
   * @return the count, or empty when the administration API is not allowed or fails
   */
  OptionalLong deadLetterCount(String queue);

  /**
   * Creates the queue if it does not exist.
   *
   * @param queue the queue
   * @param spec the entity settings to create it with
   */
  void ensureQueue(String queue, QueueSpec spec);

  /**
   * Returns the SDK client builder, for {@code unwrap}.
   *
   * @return the native client
   */
  Object nativeClient();

  /** Closes the shared connection. */
  @Override
  void close();

  /**
   * What a processor needs.
   *
   * @param concurrency parallel handler calls (sessions for a session queue)
   * @param prefetch messages fetched ahead
   * @param maxLockRenewal how long locks are renewed while a handler runs
   * @param sessions true for a session-enabled queue
   */
  record ProcessorSpec(
      int concurrency, int prefetch, java.time.Duration maxLockRenewal, boolean sessions) {}

  /**
   * Entity settings for a queue created by the driver.
   *
   * @param sessions requires sessions
   * @param duplicateDetection requires duplicate detection
   * @param maxDeliveryCount the broker's own delivery limit (kept above any portable limit)
   */
  record QueueSpec(boolean sessions, boolean duplicateDetection, int maxDeliveryCount) {}

  /**
   * An error reported by a processor.
   *
   * @param source what the processor was doing, e.g. {@code RECEIVE}
   * @param error the exception
   */
  record ProcessorError(String source, Throwable error) {}
}
