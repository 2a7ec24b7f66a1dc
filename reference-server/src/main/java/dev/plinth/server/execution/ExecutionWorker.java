package dev.plinth.server.execution;

import dev.plinth.jakarta.PlatformProducer;
import dev.plinth.queue.Delivery;
import dev.plinth.queue.MessageHandler;
import dev.plinth.queue.MessageQueue;
import dev.plinth.queue.Outcome;
import dev.plinth.queue.Subscription;
import dev.plinth.server.execution.steps.StepFailedException;
import dev.plinth.server.execution.steps.StepRunners;
import dev.plinth.storage.BlobStore;
import dev.plinth.telemetry.Telemetry;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Consumes the {@code executions} queue through the SDK and runs executions. Idempotent per
 * message: a finished or cancelled execution is acknowledged without running (redelivery, a
 * duplicate from the outbox relay). A failing attempt goes back to the queue (the SDK's exponential
 * backoff); the last one dead-letters the message and the execution. A delay step pauses the
 * execution: the attempt ends (acknowledged) and a continuation scheduled for the delay's end
 * resumes it (see {@link ExecutionEntity#admit}).
 */
@ApplicationScoped
public class ExecutionWorker {
  private static final Logger LOG = Logger.getLogger(ExecutionWorker.class.getName());

  @Inject PlatformProducer platform;
  @Inject MessageQueue queue;
  @Inject BlobStore storage;
  @Inject Telemetry telemetry;
  @Inject ExecutionService executions;

  /** Runs the handler on the SDK's threads with this application's context (JPA, JTA, JNDI). */
  @Resource ContextService contextService;

  private volatile Subscription subscription;
  private volatile ExecutionRun run;

  /**
   * Subscribes when the application starts, after the database migrations.
   *
   * @param event the application-scope initialisation event
   */
  void start(
      @Observes
          @Priority(Interceptor.Priority.APPLICATION + 900)
          @Initialized(ApplicationScoped.class)
          Object event) {
    ExecutionSettings settings = ExecutionSettings.from(platform.platform().config());
    run =
        new ExecutionRun(
            StepRunners.standard(
                telemetry, queue, storage, settings.maxDelay(), settings.httpAllowedHosts()));
    MessageHandler handler =
        contextService.createContextualProxy((MessageHandler) this::handle, MessageHandler.class);
    subscription = queue.subscribe(ExecutionRepository.QUEUE, handler, settings.subscribeOptions());
    LOG.info(() -> "Execution worker subscribed: " + settings.subscribeOptions());
  }

  /**
   * Handles one message of the {@code executions} queue.
   *
   * @param delivery the delivery
   * @return ack, retry or dead letter
   */
  Outcome handle(Delivery delivery) {
    ExecutionMessages.Parsed message;
    try {
      message = ExecutionMessages.parse(delivery.message().bodyAsText());
    } catch (RuntimeException e) {
      return Outcome.deadLetter("malformed", "Not an execution message: " + e.getMessage());
    }
    String id = message.executionId();
    ExecutionRepository.Admitted admitted = executions.admit(id, message.resumeAt(), Instant.now());
    if (admitted.admission() != Admission.RUN) {
      // Unknown, finished, cancelled, a stale copy, or an early continuation already sent again.
      return Outcome.ack();
    }
    try {
      ExecutionRun.Ended ended =
          run.run(
              admitted.execution(),
              results -> executions.transition(id, e -> e.recordResults(results)).changed());
      if (ended.result() == ExecutionRun.Result.COMPLETED) {
        // Results and end state in one transaction; no change when cancelled meanwhile.
        executions.transition(
            id,
            e ->
                e.recordResults(ended.resultsJson())
                    && e.finish(ExecutionStatus.SUCCEEDED, null, Instant.now()));
      } else if (ended.result() == ExecutionRun.Result.PAUSED) {
        // Results, resume time and the scheduled continuation in one transaction; acknowledging
        // ends this attempt as done, not failed, and frees the worker thread during the delay.
        executions.suspend(id, ended.resultsJson(), ended.resumeAt());
      }
      return Outcome.ack();
    } catch (StepFailedException e) {
      return failed(id, delivery, e.getMessage(), e.isRetryable());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Execution " + id + " attempt failed", e);
      return failed(id, delivery, "Attempt failed: " + e, true);
    }
  }

  private Outcome failed(String id, Delivery delivery, String reason, boolean retryable) {
    if (!retryable) {
      executions.transition(id, e -> e.finish(ExecutionStatus.FAILED, reason, Instant.now()));
      return Outcome.ack();
    }
    if (delivery.isLastAttempt()) {
      String why = reason + " (after " + delivery.attempt() + " attempts)";
      executions.transition(id, e -> e.finish(ExecutionStatus.DEAD_LETTERED, why, Instant.now()));
      return Outcome.deadLetter("step-failed", why);
    }
    executions.transition(id, e -> e.failAttempt(reason));
    return Outcome.retry();
  }

  /**
   * Stops consuming as the application starts to stop, before JPA closes.
   *
   * @param event the application-scope destruction event
   */
  void beforeStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    stop();
  }

  /** Stops consuming when the application stops. */
  @PreDestroy
  void stop() {
    Subscription current = subscription;
    subscription = null;
    if (current != null) {
      try {
        current.close();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Closing the execution subscription failed", e);
      }
    }
  }
}
