package dev.plinth.core.queue;

import dev.plinth.Capabilities;
import dev.plinth.queue.Message;
import dev.plinth.queue.SendReceipt;
import dev.plinth.spi.queue.QueueDriver;
import dev.plinth.spi.queue.QueueHeaders;
import dev.plinth.telemetry.CorrelationContext;
import dev.plinth.telemetry.PlinthMetrics;
import dev.plinth.telemetry.Scope;
import dev.plinth.telemetry.Span;
import dev.plinth.telemetry.SpanKind;
import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Telemetry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The send path: validates each message, assigns its id, stamps the first-attempt headers, the
 * producer span's trace context and the caller's correlation id, then hands it to the driver.
 */
final class MessageSender {
  private static final String NO_TRACE = "00000000000000000000000000000000";

  private final String provider;
  private final QueueDriver driver;
  private final Telemetry telemetry;
  private final Clock clock;

  MessageSender(String provider, QueueDriver driver, Telemetry telemetry, Clock clock) {
    this.provider = provider;
    this.driver = driver;
    this.telemetry = telemetry;
    this.clock = clock;
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
      prepared = prepare(List.of(message), span).get(0);
      future = driver.sendAsync(queue, prepared);
    } catch (RuntimeException e) {
      span.recordError(e);
      span.close();
      count(queue, "error", 1);
      throw e;
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
    Span span = telemetry.startSpan("queue.send " + queue, SpanKind.PRODUCER);
    span.setAttribute("messaging.destination.name", queue);
    span.setAttribute("messaging.batch.message_count", count);
    return span;
  }

  private List<Message> prepare(List<Message> messages, Span span) {
    Capabilities capabilities = driver.capabilities();
    String now = clock.instant().toString();
    String correlationId = CorrelationContext.current().orElse(null);
    String traceparent = NO_TRACE.equals(span.traceId()) ? null : span.traceparent();
    List<Message> prepared = new ArrayList<>(messages.size());
    for (Message message : messages) {
      QueueRules.requireValidMessage(message, capabilities, provider);
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
      prepared.add(b.build());
    }
    return prepared;
  }

  private void count(String queue, String outcome, int amount) {
    telemetry
        .counter(
            PlinthMetrics.QUEUE_SENT,
            Tags.of("queue", queue, "provider", provider, "outcome", outcome))
        .increment(amount);
  }
}
