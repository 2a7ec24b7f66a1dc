package dev.plinth.azure.queue;

import com.azure.messaging.servicebus.ServiceBusMessage;
import dev.plinth.error.PayloadTooLargeException;
import dev.plinth.queue.Message;
import dev.plinth.queue.QueueCapabilities;
import dev.plinth.queue.SendReceipt;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The send path: one cached sender per queue, batches split when full, async sends, and the
 * scheduled re-sends used by retries. A message's {@code deliverAt} becomes its scheduled enqueue
 * time, which Service Bus honours on a plain send.
 */
final class ServiceBusPublisher implements AutoCloseable {
  private final ServiceBusGateway gateway;
  private final ServiceBusSettings settings;
  private final QueueProvisioner provisioner;
  private final Map<String, QueueSender> senders = new ConcurrentHashMap<>();

  ServiceBusPublisher(
      ServiceBusGateway gateway, ServiceBusSettings settings, QueueProvisioner provisioner) {
    this.gateway = gateway;
    this.settings = settings;
    this.provisioner = provisioner;
  }

  /**
   * Sends messages in as few batches as fit, in order. If a later batch fails, earlier ones stay
   * sent; sending all again is safe with duplicate detection on.
   *
   * @param queue the queue
   * @param messages messages with ids set
   * @return one receipt per message
   */
  List<SendReceipt> send(String queue, List<Message> messages) {
    return send(queue, messages, false);
  }

  /**
   * Sends a message again under a fresh Service Bus id (a redrive), so duplicate detection does not
   * drop it.
   *
   * @param queue the queue
   * @param message the message, keeping its Plinth id
   * @return the receipt
   */
  SendReceipt resend(String queue, Message message) {
    return send(queue, List.of(message), true).get(0);
  }

  private List<SendReceipt> send(String queue, List<Message> messages, boolean resend) {
    List<ServiceBusMessage> outgoing = toServiceBus(queue, messages, resend);
    QueueSender sender = sender(queue);
    try {
      QueueSender.OutgoingBatch batch = sender.createBatch();
      for (int i = 0; i < outgoing.size(); i++) {
        if (batch.tryAdd(outgoing.get(i))) {
          continue;
        }
        if (batch.count() == 0) {
          throw tooLarge(queue, messages.get(i));
        }
        sender.send(batch);
        batch = sender.createBatch();
        if (!batch.tryAdd(outgoing.get(i))) {
          throw tooLarge(queue, messages.get(i));
        }
      }
      if (batch.count() > 0) {
        sender.send(batch);
      }
    } catch (RuntimeException e) {
      throw ServiceBusErrors.map("send to queue '" + queue + "'", e);
    }
    return messages.stream().map(m -> new SendReceipt(m.messageId())).toList();
  }

  /**
   * Sends one message without blocking; failures complete the future with a Plinth exception.
   *
   * @param queue the queue
   * @param message a message with its id set
   * @return the future receipt
   */
  CompletableFuture<SendReceipt> sendAsync(String queue, Message message) {
    ServiceBusMessage outgoing = toServiceBus(queue, List.of(message), false).get(0);
    CompletableFuture<SendReceipt> result = new CompletableFuture<>();
    CompletableFuture<Void> sent;
    try {
      sent = sender(queue).sendAsync(outgoing);
    } catch (RuntimeException e) {
      result.completeExceptionally(ServiceBusErrors.map("send to queue '" + queue + "'", e));
      return result;
    }
    sent.whenComplete(
        (ignored, error) -> {
          if (error == null) {
            result.complete(new SendReceipt(message.messageId()));
          } else {
            result.completeExceptionally(
                ServiceBusErrors.map("send to queue '" + queue + "'", unwrap(error)));
          }
        });
    return result;
  }

  /**
   * Schedules a message to appear at a given time, under a fresh Service Bus id (a retry).
   *
   * @param queue the queue
   * @param message the message
   * @param at when it becomes visible
   * @return the sequence number of the scheduled message
   */
  long schedule(String queue, Message message, Instant at) {
    ServiceBusMessage outgoing =
        ServiceBusMessages.toServiceBus(
            message.toBuilder().deliverAt(null).build(), settings.isSessionQueue(queue), true);
    try {
      return sender(queue).schedule(outgoing, at.atOffset(ZoneOffset.UTC));
    } catch (RuntimeException e) {
      throw ServiceBusErrors.map(
          "schedule message " + message.messageId() + " on '" + queue + "'", e);
    }
  }

  /**
   * Cancels a scheduled message.
   *
   * @param queue the queue
   * @param sequenceNumber what {@link #schedule} returned
   */
  void cancelScheduled(String queue, long sequenceNumber) {
    try {
      sender(queue).cancelScheduled(sequenceNumber);
    } catch (RuntimeException e) {
      throw ServiceBusErrors.map(
          "cancel scheduled message #" + sequenceNumber + " on '" + queue + "'", e);
    }
  }

  /**
   * Returns the cached sender of a queue, opening it on first use.
   *
   * @param queue the queue
   * @return the sender
   */
  QueueSender sender(String queue) {
    QueueSender existing = senders.get(queue);
    if (existing != null) {
      return existing;
    }
    provisioner.ensure(queue);
    try {
      return senders.computeIfAbsent(queue, gateway::sender);
    } catch (RuntimeException e) {
      throw ServiceBusErrors.map("open a sender for queue '" + queue + "'", e);
    }
  }

  /** Closes every cached sender. */
  @Override
  public void close() {
    for (QueueSender sender : senders.values()) {
      try {
        sender.close();
      } catch (RuntimeException e) {
        // the link is already gone; nothing else to release
      }
    }
    senders.clear();
  }

  private List<ServiceBusMessage> toServiceBus(
      String queue, List<Message> messages, boolean resend) {
    boolean sessionQueue = settings.isSessionQueue(queue);
    List<ServiceBusMessage> out = new ArrayList<>(messages.size());
    for (Message m : messages) {
      if (m.orderingKey() != null && !sessionQueue) {
        throw new UnsupportedOperationException(
            "Queue '"
                + queue
                + "' is not session-enabled, so "
                + QueueCapabilities.ORDERING
                + " (orderingKey) is not available on it. Create the queue with sessions and list"
                + " it in plinth.queue.azure-servicebus.session-queues.");
      }
      out.add(ServiceBusMessages.toServiceBus(m, sessionQueue, resend));
    }
    return out;
  }

  private PayloadTooLargeException tooLarge(String queue, Message message) {
    return new PayloadTooLargeException(
        "Message "
            + message.messageId()
            + " ("
            + message.bodySize()
            + " body bytes plus properties) does not fit in a Service Bus batch for queue '"
            + queue
            + "' (limit "
            + settings.maxMessageBytes()
            + " bytes): store large payloads in blob storage and send a reference");
  }

  private static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
