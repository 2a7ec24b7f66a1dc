package dev.plinth.server.execution;

import dev.plinth.queue.Message;
import dev.plinth.queue.MessageQueue;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends unsent outbox rows through the SDK queue and marks them sent: at once when nudged after a
 * commit, and every 200 ms as a safety net (rows written by another instance, a failed send).
 *
 * <p>Each run claims up to 100 rows ({@code FOR UPDATE SKIP LOCKED}), sends them with one {@link
 * MessageQueue#sendBatch} per queue (one durable confirmation for the batch instead of one per
 * message) and marks them sent with one UPDATE, in one transaction.
 *
 * <p>Guarantees: a row is marked sent only after the queue accepted its message durably, so a crash
 * never strands an execution in {@code queued} (the next relay run sends it). A crash between send
 * and mark sends the message again: the message id is the execution id, so a broker with duplicate
 * detection drops it, and otherwise the worker acknowledges it without running (the execution is
 * already running or finished) - never run twice to completion. Several server instances skip the
 * rows another one holds, so they do not send the same rows in a loop.
 */
@ApplicationScoped
public class OutboxRelay {
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
  private static final long PERIOD_MS = 200;
  private static final int BATCH = 100;
  private static final Duration KEEP_SENT = Duration.ofHours(1);

  @Inject OutboxRepository outbox;
  @Inject MessageQueue queue;

  @Resource ManagedScheduledExecutorService scheduler;

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private volatile ScheduledFuture<?> schedule;
  private volatile Instant lastPurge = Instant.EPOCH;
  private volatile boolean stopped;

  /**
   * Starts the periodic relay with the application, after the database migrations.
   *
   * @param event the application-scope initialisation event
   */
  void start(
      @Observes
          @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 900)
          @Initialized(ApplicationScoped.class)
          Object event) {
    schedule =
        scheduler.scheduleWithFixedDelay(this::relay, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  /**
   * Relays now (after a commit that wrote outbox rows) instead of at the next tick. Nudges during a
   * run are coalesced into one more run.
   */
  public void nudge() {
    again.set(true);
    if (running.get()) {
      return; // the running loop re-checks `again` after it releases `running`
    }
    try {
      scheduler.execute(this::relay);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Outbox nudge rejected; the periodic run will relay", e);
    }
  }

  /** One relay run; runs never overlap, and a run requested meanwhile loops once more. */
  void relay() {
    if (stopped) {
      return;
    }
    again.set(true);
    while (!stopped && again.get() && running.compareAndSet(false, true)) {
      again.set(false);
      try {
        relayBatch();
        purgeOld();
      } catch (RuntimeException e) {
        if (stopped) {
          return; // the application stopped during the run (JPA closed): nothing to retry here
        }
        LOG.log(Level.WARNING, "Outbox relay failed; retrying in " + PERIOD_MS + " ms", e);
      } finally {
        running.set(false);
      }
    }
  }

  private void relayBatch() {
    OutboxRepository.Relayed relayed = outbox.relay(BATCH, this::send);
    if (relayed.failure() != null) {
      LOG.log(
          Level.WARNING,
          "Outbox relay could not send "
              + relayed.claimed()
              + " messages; they stay unsent and are retried in "
              + PERIOD_MS
              + " ms",
          relayed.failure());
    } else if (relayed.claimed() == BATCH) {
      again.set(true);
    }
  }

  /** Sends the rows with one batch per queue, in row order within each queue. */
  private void send(List<OutboxEntity> rows) {
    Map<String, List<Message>> byQueue = new LinkedHashMap<>();
    for (OutboxEntity row : rows) {
      byQueue
          .computeIfAbsent(row.queue(), q -> new ArrayList<>(rows.size()))
          .add(
              Message.builder(row.body().getBytes(StandardCharsets.UTF_8))
                  .contentType("application/json")
                  .messageId(row.messageId())
                  .deliverAt(row.deliverAt()) // a delay step's continuation: the queue holds it
                  .build());
    }
    byQueue.forEach(queue::sendBatch);
  }

  private void purgeOld() {
    Instant now = Instant.now();
    if (now.isAfter(lastPurge.plus(Duration.ofMinutes(5)))) {
      lastPurge = now;
      outbox.purgeSent(now.minus(KEEP_SENT));
    }
  }

  /**
   * Stops the relay as the application starts to stop, before JPA closes (a tick after that would
   * log an incident).
   *
   * @param event the application-scope destruction event
   */
  void beforeStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    stop();
  }

  /** Stops the periodic relay. */
  @PreDestroy
  void stop() {
    stopped = true;
    ScheduledFuture<?> current = schedule;
    if (current != null) {
      current.cancel(false);
    }
  }
}
