package dev.plinth.local.queue;

import dev.plinth.queue.Message;
import dev.plinth.spi.queue.DeliveryListener;
import dev.plinth.spi.queue.DriverDelivery;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A listener that records each delivery and settles it with a chosen action (ack by default). */
final class RecordingListener implements DeliveryListener {
  /**
   * What the listener saw.
   *
   * @param message the delivered message
   * @param deliveryCount the broker's delivery count
   * @param receivedAt when the listener ran
   */
  record Seen(Message message, int deliveryCount, Instant receivedAt) {}

  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private volatile Consumer<DriverDelivery> settle = DriverDelivery::ack;

  RecordingListener settleWith(Consumer<DriverDelivery> action) {
    this.settle = action;
    return this;
  }

  @Override
  public void onDelivery(DriverDelivery delivery) {
    seen.add(new Seen(delivery.message(), delivery.deliveryCount(), Instant.now()));
    settle.accept(delivery);
  }

  List<Seen> seen() {
    return seen;
  }
}
