package dev.plinth.core.queue;

import dev.plinth.queue.Subscription;
import dev.plinth.spi.queue.DriverSubscription;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** A {@link Subscription} backed by a driver consumer; closing it is idempotent. */
final class PortableSubscription implements Subscription {
  private final String queue;
  private final DriverSubscription driverSubscription;
  private final Consumer<PortableSubscription> onClose;
  private final AtomicBoolean active = new AtomicBoolean(true);

  PortableSubscription(
      String queue, DriverSubscription driverSubscription, Consumer<PortableSubscription> onClose) {
    this.queue = queue;
    this.driverSubscription = driverSubscription;
    this.onClose = onClose;
  }

  @Override
  public String queue() {
    return queue;
  }

  @Override
  public boolean isActive() {
    return active.get();
  }

  @Override
  public void close() {
    if (active.compareAndSet(true, false)) {
      try {
        driverSubscription.close();
      } finally {
        onClose.accept(this);
      }
    }
  }

  @Override
  public String toString() {
    return "Subscription{queue=" + queue + ", active=" + active.get() + '}';
  }
}
