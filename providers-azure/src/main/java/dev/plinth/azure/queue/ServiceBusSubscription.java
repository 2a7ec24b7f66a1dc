package dev.plinth.azure.queue;

import dev.plinth.spi.queue.DeliveryListener;
import dev.plinth.spi.queue.DriverSubscription;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running {@code ServiceBusProcessorClient} on one queue. Each locked message becomes a {@link
 * ServiceBusDelivery} handed to the listener; what the listener leaves unsettled is abandoned.
 * Closing stops receiving, waits (bounded) for handlers in progress, abandons what they have not
 * settled (so it is redelivered at once rather than when its lock expires), then closes the
 * processor.
 */
final class ServiceBusSubscription implements DriverSubscription {
  private static final System.Logger LOG = System.getLogger(ServiceBusSubscription.class.getName());

  private final String queue;
  private final DeliveryListener listener;
  private final ServiceBusPublisher publisher;
  private final SettlementEvents events;
  private final Duration closeTimeout;
  private final Runnable onClose;
  private final Clock clock;
  private final Set<ServiceBusDelivery> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  private ProcessorHandle processor;

  ServiceBusSubscription(
      String queue,
      DeliveryListener listener,
      ServiceBusPublisher publisher,
      SettlementEvents events,
      Duration closeTimeout,
      Runnable onClose,
      Clock clock) {
    this.queue = queue;
    this.listener = listener;
    this.publisher = publisher;
    this.events = events;
    this.closeTimeout = closeTimeout;
    this.onClose = onClose;
    this.clock = clock;
  }

  /**
   * Builds and starts the processor.
   *
   * @param gateway the gateway
   * @param spec the processor settings
   */
  void start(ServiceBusGateway gateway, ServiceBusGateway.ProcessorSpec spec) {
    processor = gateway.processor(queue, spec, this::onMessage, this::onError);
    processor.start();
  }

  /**
   * Handles one locked message on a processor thread. Never throws: an exception here would only
   * reach the processor's error handler.
   *
   * @param locked the message
   */
  void onMessage(LockedMessage locked) {
    ServiceBusDelivery delivery;
    try {
      delivery = new ServiceBusDelivery(queue, locked, publisher, events, clock);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot read a message of queue ''{0}''; abandoning it", queue, e);
      abandonQuietly(locked);
      return;
    }
    if (closed.get()) {
      delivery.abandonIfUnsettled(); // closing: leave it for the next consumer
      return;
    }
    inFlight.add(delivery);
    try {
      listener.onDelivery(delivery);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Listener of queue '" + queue + "' threw; the message returns to the queue",
          e);
    } finally {
      delivery.abandonIfUnsettled();
      synchronized (inFlight) {
        inFlight.remove(delivery);
        inFlight.notifyAll();
      }
    }
  }

  /**
   * Reports a processor error; the SDK keeps the processor running and reconnects by itself.
   *
   * @param error the error
   */
  void onError(ServiceBusGateway.ProcessorError error) {
    LOG.log(
        Level.WARNING,
        "Service Bus processor of queue ''{0}'' reported {1}: {2}",
        queue,
        error.source(),
        String.valueOf(error.error().getMessage()));
    events.receiveError(queue, error.source(), error.error());
  }

  /**
   * Tells how many handlers are running.
   *
   * @return the number of deliveries in progress
   */
  int inFlightCount() {
    return inFlight.size();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      if (processor != null) {
        stopQuietly();
        awaitHandlers();
        for (ServiceBusDelivery delivery : Set.copyOf(inFlight)) {
          delivery.abandonIfUnsettled();
        }
        processor.close();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, "Closing the processor of ''{0}'': {1}", queue, e.getMessage());
    } finally {
      onClose.run();
    }
  }

  private void stopQuietly() {
    try {
      processor.stop();
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, "Stopping the processor of ''{0}'': {1}", queue, e.getMessage());
    }
  }

  private void awaitHandlers() {
    long deadline = System.nanoTime() + closeTimeout.toNanos();
    synchronized (inFlight) {
      while (!inFlight.isEmpty()) {
        long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
        if (leftMillis <= 0) {
          return;
        }
        try {
          inFlight.wait(leftMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private static void abandonQuietly(LockedMessage locked) {
    try {
      locked.abandon();
    } catch (RuntimeException e) {
      // the lock expires on its own and the message comes back
    }
  }
}
