package dev.plinth.core.memory;

import dev.plinth.queue.DeadLetter;
import dev.plinth.queue.Message;
import dev.plinth.queue.SendReceipt;
import dev.plinth.spi.queue.QueueHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One in-memory queue: messages waiting in enqueue order (each visible from its own time), the
 * deliveries in flight, and its dead letters. Ordering keys allow one in-flight message per key and
 * keep a retried message at the head of its key. All state is guarded by one lock.
 */
final class MemoryQueue {
  private final String name;
  private final Clock clock;
  private final Duration duplicateWindow;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final TreeMap<Long, Entry> waiting = new TreeMap<>();
  private final Set<MemoryDelivery> inFlight = new HashSet<>();
  private final Set<String> busyKeys = new HashSet<>();
  private final LinkedHashMap<String, Instant> recentIds = new LinkedHashMap<>();
  private final MemoryDeadLetters deadLetters;
  private long nextSeq;

  /**
   * A stored physical message.
   *
   * @param seq its position; a retry keeps the position so ordered keys stay in order
   * @param message the message with its headers
   * @param enqueuedAt when this physical message was enqueued
   * @param visibleAt when it may be delivered
   * @param expiresAt when it is dropped undelivered, or null
   * @param deliveryCount how often it was delivered so far
   */
  record Entry(
      long seq,
      Message message,
      Instant enqueuedAt,
      Instant visibleAt,
      Instant expiresAt,
      int deliveryCount) {}

  MemoryQueue(String name, Clock clock, Duration duplicateWindow) {
    this.name = name;
    this.clock = clock;
    this.duplicateWindow = duplicateWindow;
    this.deadLetters = new MemoryDeadLetters(this);
  }

  MemoryDeadLetters deadLetters() {
    return deadLetters;
  }

  String name() {
    return name;
  }

  /** Enqueues a sent message, dropping it if its id was seen within the duplicate window. */
  SendReceipt send(Message message) {
    lock.lock();
    try {
      Instant now = clock.instant();
      forgetOldIds(now);
      if (recentIds.putIfAbsent(message.messageId(), now) == null) {
        Instant visible = message.deliverAt() == null ? now : message.deliverAt();
        add(nextSeq++, message, now, visible);
      }
      return new SendReceipt(message.messageId());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits for the next deliverable message and marks it in flight for the subscription.
   *
   * @return the delivery, or null if none became available in time or the subscription closed
   */
  MemoryDelivery take(MemoryQueueSubscription owner, Duration maxWait) throws InterruptedException {
    long remaining = maxWait.toNanos();
    lock.lockInterruptibly();
    try {
      while (owner.isActive()) {
        Instant now = clock.instant();
        Instant nextVisible = null;
        Set<String> blockedKeys = new HashSet<>(busyKeys);
        for (Iterator<Entry> it = waiting.values().iterator(); it.hasNext(); ) {
          Entry entry = it.next();
          if (entry.expiresAt() != null && !entry.expiresAt().isAfter(now)) {
            it.remove(); // expired undelivered: dropped, as brokers do with TTL
            continue;
          }
          String key = entry.message().orderingKey();
          if (key != null && !blockedKeys.add(key)) {
            continue; // an earlier message of this key is in flight or waiting
          }
          if (entry.visibleAt().isAfter(now)) {
            nextVisible = earliest(nextVisible, entry.visibleAt());
            continue;
          }
          it.remove();
          return startDelivery(owner, entry);
        }
        if (remaining <= 0) {
          return null;
        }
        long wait = remaining;
        if (nextVisible != null) {
          wait = Math.min(wait, Math.max(1, Duration.between(now, nextVisible).toNanos()));
        }
        long waited = wait - changed.awaitNanos(wait);
        remaining -= Math.max(waited, 1);
      }
      return null;
    } finally {
      lock.unlock();
    }
  }

  private MemoryDelivery startDelivery(MemoryQueueSubscription owner, Entry entry) {
    Entry delivered =
        new Entry(
            entry.seq(),
            entry.message(),
            entry.enqueuedAt(),
            entry.visibleAt(),
            entry.expiresAt(),
            entry.deliveryCount() + 1);
    MemoryDelivery delivery = new MemoryDelivery(this, owner, delivered);
    inFlight.add(delivery);
    if (delivered.message().orderingKey() != null) {
      busyKeys.add(delivered.message().orderingKey());
    }
    return delivery;
  }

  void ack(MemoryDelivery delivery) {
    settle(delivery, () -> {});
  }

  void retryLater(MemoryDelivery delivery, Message next, Duration delay) {
    settle(
        delivery,
        () -> {
          Instant now = clock.instant();
          add(delivery.entry().seq(), next, now, now.plus(delay));
        });
  }

  void deadLetter(MemoryDelivery delivery, DeadLetter record) {
    settle(delivery, () -> deadLetters.store(forDeadLetter(record)));
  }

  /** Returns an unsettled delivery to the queue; does nothing if it was settled already. */
  void abandon(MemoryDelivery delivery) {
    lock.lock();
    try {
      if (release(delivery)) {
        waiting.put(delivery.entry().seq(), delivery.entry());
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Returns every unsettled delivery of a closing subscription to the queue. */
  void abandonAll(MemoryQueueSubscription owner) {
    lock.lock();
    try {
      for (MemoryDelivery delivery : new ArrayList<>(inFlight)) {
        if (delivery.owner() == owner) {
          abandon(delivery);
        }
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Wakes waiting consumers, e.g. so a closing subscription's threads notice. */
  void wakeUp() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  int depth() {
    lock.lock();
    try {
      return waiting.size();
    } finally {
      lock.unlock();
    }
  }

  /** Enqueues a redriven dead letter as a fresh message; bypasses duplicate detection. */
  void redrive(Message stored) {
    lock.lock();
    try {
      Instant now = clock.instant();
      add(nextSeq++, QueueHeaders.forRedrive(stored), now, now);
    } finally {
      lock.unlock();
    }
  }

  private void settle(MemoryDelivery delivery, Runnable action) {
    lock.lock();
    try {
      if (!release(delivery)) {
        throw new IllegalStateException(
            "Delivery of message '"
                + delivery.message().messageId()
                + "' from queue '"
                + name
                + "' is no longer held: it was settled already or its subscription closed");
      }
      action.run();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private boolean release(MemoryDelivery delivery) {
    if (!inFlight.remove(delivery)) {
      return false;
    }
    String key = delivery.message().orderingKey();
    if (key != null) {
      busyKeys.remove(key);
    }
    return true;
  }

  private void add(long seq, Message message, Instant now, Instant visibleAt) {
    Duration ttl = message.timeToLive();
    waiting.put(
        seq, new Entry(seq, message, now, visibleAt, ttl == null ? null : now.plus(ttl), 0));
    changed.signalAll();
  }

  private Message forDeadLetter(DeadLetter record) {
    Instant at = record.deadLetteredAt() == null ? clock.instant() : record.deadLetteredAt();
    return QueueHeaders.forDeadLetter(
        new DeadLetter(
            record.id(),
            name,
            record.message(),
            record.reason(),
            record.description(),
            record.lastError(),
            record.attempts(),
            record.firstEnqueuedAt(),
            at));
  }

  private void forgetOldIds(Instant now) {
    Instant cutoff = now.minus(duplicateWindow);
    for (Iterator<Instant> it = recentIds.values().iterator(); it.hasNext(); ) {
      if (it.next().isAfter(cutoff)) {
        break; // insertion order is time order
      }
      it.remove();
    }
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }
}
