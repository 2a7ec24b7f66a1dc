package dev.plinth.core.memory;

import dev.plinth.spi.queue.DeliveryListener;
import dev.plinth.spi.queue.DriverSubscription;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Consumes a {@link MemoryQueue} on {@code concurrency} threads. Closing waits (bounded) for
 * running listeners, then returns every unsettled delivery to the queue, so a handler that never
 * finishes leads to a redelivery with a higher delivery count, as after a process crash.
 */
final class MemoryQueueSubscription implements DriverSubscription {
  private static final System.Logger LOG =
      System.getLogger(MemoryQueueSubscription.class.getName());
  private static final Duration POLL = Duration.ofMillis(200);

  private final MemoryQueue queue;
  private final DeliveryListener listener;
  private final Duration closeTimeout;
  private final ExecutorService workers;
  private final AtomicBoolean active = new AtomicBoolean(true);

  MemoryQueueSubscription(
      MemoryQueue queue, int concurrency, DeliveryListener listener, Duration closeTimeout) {
    this.queue = queue;
    this.listener = listener;
    this.closeTimeout = closeTimeout;
    AtomicInteger threads = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            concurrency,
            task -> {
              Thread t =
                  new Thread(
                      task,
                      "plinth-memory-queue-" + queue.name() + "-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    for (int i = 0; i < concurrency; i++) {
      workers.execute(this::consume);
    }
  }

  boolean isActive() {
    return active.get();
  }

  private void consume() {
    while (active.get()) {
      MemoryDelivery delivery;
      try {
        delivery = queue.take(this, POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (delivery == null) {
        continue;
      }
      try {
        listener.onDelivery(delivery);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Queue listener failed on '" + queue.name() + "'", e);
      } finally {
        queue.abandon(delivery); // no-op unless the listener left it unsettled
      }
    }
  }

  @Override
  public void close() {
    if (!active.compareAndSet(true, false)) {
      return;
    }
    queue.wakeUp();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(closeTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        // Handlers still running lose their messages back to the queue, like a crashed consumer.
        queue.abandonAll(this);
        workers.shutdownNow();
        workers.awaitTermination(closeTimeout.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      queue.abandonAll(this);
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
