package dev.plinth.core.queue;

import dev.plinth.queue.DeadLetter;
import dev.plinth.queue.Delivery;
import dev.plinth.queue.Message;
import dev.plinth.queue.MessageHandler;
import dev.plinth.queue.Outcome;
import dev.plinth.queue.SubscribeOptions;
import dev.plinth.spi.queue.DeliveryListener;
import dev.plinth.spi.queue.DriverDelivery;
import dev.plinth.spi.queue.QueueHeaders;
import dev.plinth.telemetry.CorrelationContext;
import dev.plinth.telemetry.Counter;
import dev.plinth.telemetry.PlinthMetrics;
import dev.plinth.telemetry.Scope;
import dev.plinth.telemetry.Span;
import dev.plinth.telemetry.SpanKind;
import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Telemetry;
import dev.plinth.telemetry.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * The retry/dead-letter state machine every provider shares: works out the portable attempt number
 * of a driver delivery, runs the handler in a consumer span with the message's correlation id, and
 * settles the delivery with ack, a delayed retry or a dead letter. It never throws into the
 * driver's thread; settlement failures are reported as telemetry events.
 */
final class DeliveryProcessor implements DeliveryListener {
  private final String queue;
  private final String provider;
  private final MessageHandler handler;
  private final SubscribeOptions options;
  private final Telemetry telemetry;
  private final DoubleSupplier random;
  private final Clock clock;
  private final Counter acked;
  private final Counter retried;
  private final Counter deadLettered;
  private final Timer handlerDuration;

  DeliveryProcessor(
      String queue,
      String provider,
      MessageHandler handler,
      SubscribeOptions options,
      Telemetry telemetry,
      DoubleSupplier random,
      Clock clock) {
    this.queue = queue;
    this.provider = provider;
    this.handler = handler;
    this.options = options;
    this.telemetry = telemetry;
    this.random = random;
    this.clock = clock;
    Tags tags = Tags.of("queue", queue, "provider", provider);
    this.acked = telemetry.counter(PlinthMetrics.QUEUE_MESSAGES, tags.and("outcome", "ack"));
    this.retried = telemetry.counter(PlinthMetrics.QUEUE_MESSAGES, tags.and("outcome", "retry"));
    this.deadLettered =
        telemetry.counter(PlinthMetrics.QUEUE_MESSAGES, tags.and("outcome", "dead_letter"));
    this.handlerDuration = telemetry.timer(PlinthMetrics.QUEUE_HANDLER_DURATION, tags);
  }

  @Override
  public void onDelivery(DriverDelivery delivery) {
    Message message = delivery.message();
    int attempt = attemptOf(message, delivery.deliveryCount());
    Instant firstEnqueued = firstEnqueuedOf(message, delivery.enqueuedAt());
    Outcome outcome;
    if (attempt > options.maxAttempts()) {
      // Earlier deliveries started but never settled: the handler crashed or hung every time.
      outcome = null;
    } else {
      outcome = runHandler(message, attempt, firstEnqueued);
    }
    try {
      if (outcome == null) {
        deadLetter(
            delivery,
            DeadLetter.MAX_ATTEMPTS_EXCEEDED,
            "Delivered "
                + (attempt - 1)
                + " times (maxAttempts="
                + options.maxAttempts()
                + "), but the handler never completed: a crash loop or a poison message",
            message.properties().get(QueueHeaders.LAST_ERROR),
            attempt - 1,
            firstEnqueued);
      } else {
        settle(delivery, outcome, attempt, firstEnqueued);
      }
    } catch (RuntimeException e) {
      reportSettleFailure(message, outcome, e);
    }
  }

  @SuppressWarnings("try") // scopes are closed, not used
  private Outcome runHandler(Message message, int attempt, Instant firstEnqueued) {
    Delivery delivery =
        new Delivery(queue, forHandler(message), attempt, options.maxAttempts(), firstEnqueued);
    Span span =
        telemetry.startSpan(
            "queue.process " + queue,
            SpanKind.CONSUMER,
            message.properties().get(QueueHeaders.TRACEPARENT));
    span.setAttribute("messaging.destination.name", queue);
    span.setAttribute("messaging.message.id", String.valueOf(message.messageId()));
    span.setAttribute("plinth.queue.attempt", attempt);
    long start = System.nanoTime();
    try (Scope current = span.makeCurrent();
        Scope correlation = CorrelationContext.open(message.correlationId())) {
      Outcome outcome = handler.handle(delivery);
      return outcome != null
          ? outcome
          : new Outcome.Retry(
              null, "java.lang.IllegalStateException: the message handler returned null");
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      // Any handler failure (even an AssertionError or a LinkageError) is a retry, never a loss.
      span.recordError(e);
      return new Outcome.Retry(null, LastError.of(e));
    } finally {
      handlerDuration.recordNanos(System.nanoTime() - start);
      span.close();
    }
  }

  private void settle(DriverDelivery delivery, Outcome outcome, int attempt, Instant first) {
    Message message = delivery.message();
    if (outcome instanceof Outcome.Ack) {
      delivery.ack();
      acked.increment();
    } else if (outcome instanceof Outcome.Retry retry) {
      String error =
          retry.error() != null
              ? LastError.truncate(retry.error())
              : message.properties().get(QueueHeaders.LAST_ERROR);
      if (attempt < options.maxAttempts()) {
        Duration delay =
            retry.after() != null
                ? retry.after()
                : options.backoff().delayAfter(attempt, random.getAsDouble());
        delivery.retryLater(nextAttempt(message, attempt, first, error), delay);
        retried.increment();
      } else {
        deadLetter(
            delivery,
            DeadLetter.MAX_ATTEMPTS_EXCEEDED,
            "Gave up after "
                + attempt
                + " attempts (maxAttempts="
                + options.maxAttempts()
                + "); last error: "
                + (error == null ? "none (the handler asked to retry)" : error),
            error,
            attempt,
            first);
      }
    } else if (outcome instanceof Outcome.DeadLetter dead) {
      deadLetter(
          delivery,
          dead.reason(),
          dead.description(),
          message.properties().get(QueueHeaders.LAST_ERROR),
          attempt,
          first);
    }
  }

  private void deadLetter(
      DriverDelivery delivery,
      String reason,
      String description,
      String lastError,
      int attempts,
      Instant first) {
    // The id is null here: the driver assigns the dead letter's id when it stores it.
    delivery.deadLetter(
        new DeadLetter(
            null,
            queue,
            delivery.message(),
            reason,
            description,
            lastError,
            attempts,
            first,
            clock.instant()));
    deadLettered.increment();
  }

  private static Message nextAttempt(Message message, int attempt, Instant first, String error) {
    Message.Builder next =
        message.toBuilder()
            .property(QueueHeaders.ATTEMPT, Integer.toString(attempt + 1))
            .property(QueueHeaders.FIRST_ENQUEUED, first.toString())
            .deliverAt(null);
    if (error != null) {
      next.property(QueueHeaders.LAST_ERROR, error);
    }
    return next.build();
  }

  /** The portable attempt: the header's starting attempt plus broker redeliveries (crashes). */
  static int attemptOf(Message message, int deliveryCount) {
    int base = 1;
    String header = message.properties().get(QueueHeaders.ATTEMPT);
    if (header != null) {
      try {
        base = Math.max(1, Integer.parseInt(header.trim()));
      } catch (NumberFormatException e) {
        base = 1;
      }
    }
    return base + Math.max(1, deliveryCount) - 1;
  }

  private static Instant firstEnqueuedOf(Message message, Instant enqueuedAt) {
    String header = message.properties().get(QueueHeaders.FIRST_ENQUEUED);
    if (header != null) {
      try {
        return Instant.parse(header);
      } catch (DateTimeParseException e) {
        return enqueuedAt;
      }
    }
    return enqueuedAt;
  }

  /** The handler sees the application's properties only, so it can forward the message as is. */
  private static Message forHandler(Message message) {
    Message.Builder view = message.toBuilder();
    for (String name : message.properties().keySet()) {
      if (QueueRules.isReserved(name)) {
        view.removeProperty(name);
      }
    }
    return view.build();
  }

  private void reportSettleFailure(Message message, Outcome outcome, RuntimeException error) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("queue", queue);
    attributes.put("provider", provider);
    attributes.put("messageId", String.valueOf(message.messageId()));
    attributes.put("outcome", outcome == null ? "dead_letter" : outcome.toString());
    attributes.put("error", LastError.of(error));
    telemetry.event("plinth.queue.settle_failed", attributes);
  }
}
