package dev.plinth.core.queue;

import dev.plinth.queue.DeadLetter;
import dev.plinth.queue.Message;
import dev.plinth.spi.queue.DriverDelivery;
import java.time.Duration;
import java.time.Instant;

/** A driver delivery that remembers how it was settled. */
final class FakeDelivery implements DriverDelivery {
  final Message message;
  final int deliveryCount;
  final Instant enqueuedAt;
  RuntimeException failOnSettle;
  String settledAs;
  Message next;
  Duration delay;
  DeadLetter deadLetter;
  int settlements;

  FakeDelivery(Message message, int deliveryCount, Instant enqueuedAt) {
    this.message = message;
    this.deliveryCount = deliveryCount;
    this.enqueuedAt = enqueuedAt;
  }

  @Override
  public Message message() {
    return message;
  }

  @Override
  public int deliveryCount() {
    return deliveryCount;
  }

  @Override
  public Instant enqueuedAt() {
    return enqueuedAt;
  }

  @Override
  public void ack() {
    settle("ack");
  }

  @Override
  public void retryLater(Message next, Duration delay) {
    settle("retry");
    this.next = next;
    this.delay = delay;
  }

  @Override
  public void deadLetter(DeadLetter record) {
    settle("dead_letter");
    this.deadLetter = record;
  }

  @Override
  public void abandon() {
    settle("abandon");
  }

  private void settle(String how) {
    if (failOnSettle != null) {
      throw failOnSettle;
    }
    settlements++;
    settledAs = how;
  }
}
