package dev.plinth.azure.queue;

import dev.plinth.error.NotFoundException;
import dev.plinth.queue.DeadLetter;
import dev.plinth.queue.DeadLetters;
import dev.plinth.queue.Message;
import dev.plinth.spi.queue.QueueHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The dead letters of one queue, in its {@code $DeadLetterQueue}. A dead letter's id is its Plinth
 * message id. Reads peek (no lock); redrive and delete first check by peeking that the id exists,
 * then receive-and-lock messages (at most {@code dead-letter-scan-limit}) until they hold it,
 * settle it and abandon the others. Messages Service Bus dead-lettered on its own (expired, too
 * many deliveries) are listed with Service Bus's reason.
 */
final class ServiceBusDeadLetters implements DeadLetters {
  static final int PAGE = 100;
  static final Duration RECEIVE_WAIT = Duration.ofSeconds(2);

  /** Below this many, the count is confirmed by peeking: runtime properties lag a little. */
  static final long EXACT_COUNT_BELOW = 1000;

  private final String queue;
  private final ServiceBusGateway gateway;
  private final ServiceBusPublisher publisher;
  private final int scanLimit;

  ServiceBusDeadLetters(
      String queue, ServiceBusGateway gateway, ServiceBusPublisher publisher, int scanLimit) {
    this.queue = queue;
    this.gateway = gateway;
    this.publisher = publisher;
    this.scanLimit = scanLimit;
  }

  @Override
  public List<DeadLetter> list(int max) {
    List<DeadLetter> result = new ArrayList<>();
    scanPeeked(max, m -> result.add(toDeadLetter(m)));
    return result;
  }

  @Override
  public Optional<DeadLetter> peek(String id) {
    return findPeeked(id).map(this::toDeadLetter);
  }

  @Override
  public void redrive(String id) {
    boolean found =
        settleOne(id, locked -> publisher.resend(queue, QueueHeaders.forRedrive(read(locked))));
    if (!found) {
      throw new NotFoundException(
          "No dead letter with id '"
              + id
              + "' in queue '"
              + queue
              + "' (searched "
              + scanLimit
              + " dead letters). List them to see ids.");
    }
  }

  @Override
  public boolean delete(String id) {
    return settleOne(id, locked -> {});
  }

  @Override
  public long purge() {
    long purged = 0;
    try (DeadLetterReceiver receiver = gateway.deadLetterReceiver(queue)) {
      List<LockedMessage> batch;
      while (!(batch = receiver.receive(PAGE, RECEIVE_WAIT)).isEmpty()) {
        for (LockedMessage locked : batch) {
          locked.complete();
          purged++;
        }
      }
      return purged;
    } catch (RuntimeException e) {
      throw ServiceBusErrors.map(
          "purge the dead letters of queue '" + queue + "' (" + purged + " purged so far)", e);
    }
  }

  @Override
  public long count() {
    OptionalLong fromRuntime = gateway.deadLetterCount(queue);
    if (fromRuntime.isPresent() && fromRuntime.getAsLong() >= EXACT_COUNT_BELOW) {
      return fromRuntime.getAsLong();
    }
    long[] counted = {0};
    scanPeeked(Integer.MAX_VALUE, m -> counted[0]++);
    return counted[0];
  }

  private Optional<InboundMessage> findPeeked(String id) {
    InboundMessage[] found = {null};
    scanPeeked(
        scanLimit,
        m -> {
          if (found[0] == null && id.equals(read(m).messageId())) {
            found[0] = m;
          }
        });
    return Optional.ofNullable(found[0]);
  }

  private void scanPeeked(int max, Consumer<InboundMessage> visitor) {
    try (DeadLetterReceiver receiver = gateway.deadLetterReceiver(queue)) {
      long seen = 0;
      Long from = null;
      while (seen < max) {
        List<InboundMessage> page = receiver.peek((int) Math.min(PAGE, max - seen), from);
        if (page.isEmpty()) {
          return;
        }
        for (InboundMessage m : page) {
          visitor.accept(m);
        }
        seen += page.size();
        from = page.get(page.size() - 1).sequenceNumber() + 1;
      }
    } catch (RuntimeException e) {
      throw ServiceBusErrors.map("read the dead letters of queue '" + queue + "'", e);
    }
  }

  /** Receives until it holds the dead letter, applies the action, completes it. */
  private boolean settleOne(String id, Consumer<LockedMessage> action) {
    if (findPeeked(id).isEmpty()) {
      return false;
    }
    List<LockedMessage> held = new ArrayList<>();
    try (DeadLetterReceiver receiver = gateway.deadLetterReceiver(queue)) {
      int scanned = 0;
      while (scanned < scanLimit) {
        List<LockedMessage> batch =
            receiver.receive(Math.min(PAGE, scanLimit - scanned), RECEIVE_WAIT);
        if (batch.isEmpty()) {
          return false;
        }
        scanned += batch.size();
        for (LockedMessage locked : batch) {
          if (id.equals(read(locked).messageId())) {
            try {
              action.accept(locked);
              locked.complete();
            } catch (RuntimeException e) {
              held.add(locked); // back to the dead letters; a redrive may have sent a copy
              throw e;
            }
            return true;
          }
          held.add(locked);
        }
      }
      return false;
    } catch (RuntimeException e) {
      throw ServiceBusErrors.map("update dead letter '" + id + "' of queue '" + queue + "'", e);
    } finally {
      abandonAll(held);
    }
  }

  private static void abandonAll(List<LockedMessage> held) {
    for (LockedMessage locked : held) {
      try {
        locked.abandon();
      } catch (RuntimeException e) {
        // its lock expires on its own and it becomes visible again
      }
    }
  }

  private static Message read(LockedMessage locked) {
    return read(locked.message());
  }

  private static Message read(InboundMessage m) {
    Message stored = ServiceBusMessages.fromServiceBus(m);
    if (stored.properties().containsKey(QueueHeaders.DL_REASON)) {
      return stored;
    }
    // Dead-lettered by Service Bus itself: keep its reason and description.
    Object reason = m.properties().get(ServiceBusMessages.SB_DEAD_LETTER_REASON);
    Object description = m.properties().get(ServiceBusMessages.SB_DEAD_LETTER_DESCRIPTION);
    return stored.toBuilder()
        .property(QueueHeaders.DL_REASON, reason == null ? "unknown" : reason.toString())
        .property(QueueHeaders.DL_DESCRIPTION, description == null ? "" : description.toString())
        .build();
  }

  private DeadLetter toDeadLetter(InboundMessage m) {
    Message stored = read(m);
    return QueueHeaders.toDeadLetter(stored.messageId(), queue, stored);
  }
}
