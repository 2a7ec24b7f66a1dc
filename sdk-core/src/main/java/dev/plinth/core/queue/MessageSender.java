package dev.plinth.core.queue;

import dev.plinth.Capabilities;
import dev.plinth.core.telemetry.Telemetries;
import dev.plinth.queue.Message;
import dev.plinth.queue.SendReceipt;
import dev.plinth.spi.queue.QueueDriver;
import dev.plinth.spi.queue.QueueHeaders;
import dev.plinth.telemetry.CorrelationContext;
import dev.plinth.telemetry.Counter;
import dev.plinth.telemetry.PlinthMetrics;
import dev.plinth.telemetry.Scope;
import dev.plinth.telemetry.Span;
import dev.plinth.telemetry.SpanKind;
import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Telemetry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The send path: validates each message, assigns its id, stamps the first-attempt headers, the
 * producer span's trace context and the caller's correlation id, then hands it to the driver. Kept
 * cheap because every message passes here: the driver's capabilities are read once, sent counters
 * are kept per (queue, outcome), and with a no-op telemetry no span name is built and the driver's
 * future is returned as is (there is nothing to close or count when it completes).
 */
final class MessageSender {
  private static final String NO_TRACE = "00000000000000000000000000000000";

  /** The span used when nothing is recorded: a shared instance, no name to build. */
  private static final Span NO_SPAN = Telemetry.noop().startSpan("queue.send", SpanKind.PRODUCER);

  /** Past this many distinct (queue, outcome) pairs counters are looked up, not kept. */
  private static final int MAX_KEPT_COUNTERS = 1024;

  private final String provider;
  private final QueueDriver driver;
  private final Telemetry telemetry;
  private final Clock clock;
  private final boolean recording;
  private final InstantText instantText = new InstantText();
  private final Map<String, Counter> successes = new ConcurrentHashMap<>();
  private final Map<String, Counter> errors = new ConcurrentHashMap<>();
  private volatile Capabilities capabilities;

  MessageSender(String provider, QueueDriver driver, Telemetry telemetry, Clock clock) {
    this.provider = provider;
    this.driver = driver;
    this.telemetry = telemetry;
    this.clock = clock;
    this.recording = !Telemetries.isNoop(telemetry);
  }

  @SuppressWarnings("try") // scopes are closed, not used
  List<SendReceipt> send(String queue, List<Message> messages) {
    Span span = startSpan(queue, messages.size());
    try (span;
        Scope current = span.makeCurrent()) {
      List<Message> prepared = prepare(messages, span);
      List<SendReceipt> receipts = driver.send(queue, prepared);
      count(queue, "success", prepared.size());
      return receipts;
    } catch (RuntimeException e) {
      span.recordError(e);
      count(queue, "error", messages.size());
      throw e;
    }
  }

  @SuppressWarnings("try") // scopes are closed, not used
  CompletableFuture<SendReceipt> sendAsync(String queue, Message message) {
    Span span = startSpan(queue, 1);
    Message prepared;
    CompletableFuture<SendReceipt> future;
    try (Scope current = span.makeCurrent()) {
      prepared = prepareOne(message, span);
      future = driver.sendAsync(queue, prepared);
    } catch (RuntimeException e) {
      span.recordError(e);
      span.close();
      count(queue, "error", 1);
      throw e;
    }
    if (!recording) {
      return future; // nothing to close or count on completion
    }
    return future.whenComplete(
        (receipt, error) -> {
          if (error != null) {
            span.recordError(error);
          }
          span.close();
          count(queue, error == null ? "success" : "error", 1);
        });
  }

  private Span startSpan(String queue, int count) {
    if (!recording) {
      return NO_SPAN;
    }
    Span span = telemetry.startSpan("queue.send " + queue, SpanKind.PRODUCER);
    span.setAttribute("messaging.destination.name", queue);
    span.setAttribute("messaging.batch.message_count", count);
    return span;
  }

  private List<Message> prepare(List<Message> messages, Span span) {
    String now = instantText.format(clock.instant());
    String correlationId = CorrelationContext.current().orElse(null);
    String traceparent = traceparent(span);
    List<Message> prepared = new ArrayList<>(messages.size());
    for (Message message : messages) {
      prepared.add(prepare(message, now, correlationId, traceparent));
    }
    return prepared;
  }

  private Message prepareOne(Message message, Span span) {
    String correlationId = CorrelationContext.current().orElse(null);
    return prepare(message, instantText.format(clock.instant()), correlationId, traceparent(span));
  }

  private static String traceparent(Span span) {
    return span == NO_SPAN || NO_TRACE.equals(span.traceId()) ? null : span.traceparent();
  }

  private Message prepare(Message message, String now, String correlationId, String traceparent) {
    QueueRules.requireValidMessage(message, capabilities(), provider);
    Message.Builder b =
        message.toBuilder()
            .property(QueueHeaders.ATTEMPT, "1")
            .property(QueueHeaders.FIRST_ENQUEUED, now);
    if (message.messageId() == null || message.messageId().isBlank()) {
      b.messageId(UUID.randomUUID().toString());
    }
    if (message.correlationId() == null && correlationId != null) {
      b.correlationId(correlationId);
    }
    if (traceparent != null) {
      b.property(QueueHeaders.TRACEPARENT, traceparent);
    }
    return b.build();
  }

  /** The driver's capabilities, read once: drivers declare them at start and never change them. */
  private Capabilities capabilities() {
    Capabilities known = capabilities;
    if (known == null) {
      known = driver.capabilities();
      capabilities = known;
    }
    return known;
  }

  private void count(String queue, String outcome, int amount) {
    if (!recording) {
      return;
    }
    Map<String, Counter> kept = "success".equals(outcome) ? successes : errors;
    Counter counter = kept.get(queue);
    if (counter == null) {
      counter =
          telemetry.counter(
              PlinthMetrics.QUEUE_SENT,
              Tags.of("queue", queue, "provider", provider, "outcome", outcome));
      if (kept.size() < MAX_KEPT_COUNTERS) {
        kept.putIfAbsent(queue, counter); // the registry returns the same series for a race
      }
    }
    counter.increment(amount);
  }
}
