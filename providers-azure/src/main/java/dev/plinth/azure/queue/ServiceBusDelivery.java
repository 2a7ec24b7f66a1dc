package dev.plinth.azure.queue;

import com.azure.messaging.servicebus.models.DeadLetterOptions;
import dev.plinth.error.PlinthException;
import dev.plinth.queue.DeadLetter;
import dev.plinth.queue.Message;
import dev.plinth.spi.queue.DriverDelivery;
import dev.plinth.spi.queue.QueueHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One peek-locked Service Bus message. A retry schedules the next attempt as a new message, then
 * completes this one, so Service Bus's own delivery count (and {@code maxDeliveryCount}) is never
 * spent on portable retries; if completing fails after the schedule, the scheduled copy is
 * cancelled so retries never multiply. A lost lock is reported as {@link MessageLockLostException}
 * and a {@code plinth.queue.lock_lost} event: the message will be delivered again.
 */
final class ServiceBusDelivery implements DriverDelivery {
  /** Service Bus keeps at most this many characters of a dead-letter reason or description. */
  static final int MAX_DEAD_LETTER_TEXT = 4096;

  private final String queue;
  private final LockedMessage locked;
  private final ServiceBusPublisher publisher;
  private final SettlementEvents events;
  private final Clock clock;
  private final Message message;
  private final AtomicBoolean settled = new AtomicBoolean();

  ServiceBusDelivery(
      String queue,
      LockedMessage locked,
      ServiceBusPublisher publisher,
      SettlementEvents events,
      Clock clock) {
    this.queue = queue;
    this.locked = locked;
    this.publisher = publisher;
    this.events = events;
    this.clock = clock;
    this.message = ServiceBusMessages.fromServiceBus(locked.message());
  }

  @Override
  public Message message() {
    return message;
  }

  /** Service Bus's SDK counts prior deliveries (0 the first time); the SPI counts from 1. */
  @Override
  public int deliveryCount() {
    long count = locked.message().deliveryCount() + 1;
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, count));
  }

  @Override
  public Instant enqueuedAt() {
    var enqueued = locked.message().enqueuedTime();
    return enqueued == null ? clock.instant() : enqueued.toInstant();
  }

  @Override
  public void ack() {
    settle("complete", locked::complete);
  }

  @Override
  public void retryLater(Message next, Duration delay) {
    markSettled();
    Instant visibleAt = clock.instant().plus(delay == null ? Duration.ZERO : delay);
    long sequenceNumber;
    try {
      sequenceNumber = publisher.schedule(queue, next, visibleAt);
    } catch (RuntimeException e) {
      // Nothing was scheduled: hand the message back now rather than when its lock expires.
      abandonQuietly(e);
      throw e;
    }
    try {
      locked.complete();
    } catch (RuntimeException e) {
      compensate(sequenceNumber, e);
      throw failure("complete (after scheduling its retry)", e);
    }
  }

  @Override
  public void deadLetter(DeadLetter record) {
    Map<String, Object> properties =
        new LinkedHashMap<>(QueueHeaders.forDeadLetter(record).properties());
    DeadLetterOptions options =
        new DeadLetterOptions()
            .setDeadLetterReason(truncate(record.reason()))
            .setDeadLetterErrorDescription(truncate(record.description()))
            .setPropertiesToModify(properties);
    settle("dead-letter", () -> locked.deadLetter(options));
  }

  @Override
  public void abandon() {
    settle("abandon", locked::abandon);
  }

  /** Abandons the message if the listener returned without settling it. */
  void abandonIfUnsettled() {
    if (!settled.get()) {
      try {
        abandon();
      } catch (PlinthException e) {
        // the lock is gone or the link closed: the message comes back when its lock expires
      }
    }
  }

  /**
   * Tells whether the delivery was settled (or a settlement was attempted).
   *
   * @return true once settled
   */
  boolean isSettled() {
    return settled.get();
  }

  private void settle(String action, Runnable work) {
    markSettled();
    try {
      work.run();
    } catch (RuntimeException e) {
      throw failure(action, e);
    }
  }

  private void markSettled() {
    if (!settled.compareAndSet(false, true)) {
      throw new IllegalStateException(
          "Message " + message.messageId() + " from queue '" + queue + "' is already settled.");
    }
  }

  private void abandonQuietly(RuntimeException cause) {
    try {
      locked.abandon();
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  private void compensate(long sequenceNumber, RuntimeException completeFailure) {
    try {
      publisher.cancelScheduled(queue, sequenceNumber);
    } catch (RuntimeException cancelFailure) {
      completeFailure.addSuppressed(cancelFailure);
      events.duplicateRetry(queue, message.messageId(), sequenceNumber, cancelFailure);
    }
  }

  private PlinthException failure(String action, RuntimeException e) {
    PlinthException mapped =
        ServiceBusErrors.map(
            action + " message " + message.messageId() + " of queue '" + queue + "'", e);
    if (mapped instanceof MessageLockLostException) {
      events.lockLost(queue, message.messageId(), action);
    }
    return mapped;
  }

  private static String truncate(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= MAX_DEAD_LETTER_TEXT ? text : text.substring(0, MAX_DEAD_LETTER_TEXT);
  }
}
