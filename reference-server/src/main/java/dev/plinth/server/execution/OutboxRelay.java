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
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends unsent outbox rows through the SDK queue and marks them sent: every 200 ms, and at once
 * when nudged after a commit.
 *
 * <p>Guarantees: a row is marked sent only after the queue accepted its message, so a crash never
 * strands an execution in {@code queued} (the next relay run sends it). A crash between send and
 * mark sends the message again: the message id is the execution id, so a broker with duplicate
 * detection drops it, and otherwise the worker acknowledges it without running (the execution is
 * already running or finished) — never run twice to completion. Several server instances may relay
 * the same row concurrently with the same effect.
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

  /** Relays now (after a commit that wrote outbox rows) instead of at the next tick. */
  public void nudge() {
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
    while (again.get() && running.compareAndSet(false, true)) {
      again.set(false);
      try {
        relayBatch();
        purgeOld();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Outbox relay failed; retrying in " + PERIOD_MS + " ms", e);
      } finally {
        running.set(false);
      }
    }
  }

  private void relayBatch() {
    List<OutboxEntity> rows = outbox.unsent(BATCH);
    for (OutboxEntity row : rows) {
      queue.send(
          row.queue(),
          Message.builder(row.body().getBytes(StandardCharsets.UTF_8))
              .contentType("application/json")
              .messageId(row.messageId())
              .build());
      outbox.markSent(row.id());
    }
    if (rows.size() == BATCH) {
      again.set(true);
    }
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
