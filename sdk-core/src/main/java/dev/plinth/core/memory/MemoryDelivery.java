package dev.plinth.core.memory;

import dev.plinth.queue.DeadLetter;
import dev.plinth.queue.Message;
import dev.plinth.spi.queue.DriverDelivery;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One delivery from a {@link MemoryQueue}. Settling it after its subscription closed fails like a
 * lost broker lock: the message has already gone back to the queue.
 */
final class MemoryDelivery implements DriverDelivery {
  private final MemoryQueue queue;
  private final MemoryQueueSubscription owner;
  private final MemoryQueue.Entry entry;

  MemoryDelivery(MemoryQueue queue, MemoryQueueSubscription owner, MemoryQueue.Entry entry) {
    this.queue = queue;
    this.owner = owner;
    this.entry = entry;
  }

  MemoryQueueSubscription owner() {
    return owner;
  }

  MemoryQueue.Entry entry() {
    return entry;
  }

  @Override
  public Message message() {
    return entry.message();
  }

  @Override
  public int deliveryCount() {
    return entry.deliveryCount();
  }

  @Override
  public Instant enqueuedAt() {
    return entry.enqueuedAt();
  }

  @Override
  public void ack() {
    queue.ack(this);
  }

  @Override
  public void retryLater(Message next, Duration delay) {
    Objects.requireNonNull(next, "next");
    queue.retryLater(this, next, delay == null || delay.isNegative() ? Duration.ZERO : delay);
  }

  @Override
  public void deadLetter(DeadLetter record) {
    queue.deadLetter(this, Objects.requireNonNull(record, "record"));
  }

  @Override
  public void abandon() {
    queue.abandon(this);
  }
}
