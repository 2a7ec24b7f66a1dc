package dev.plinth.core.queue;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.queue.DeadLetters;
import dev.plinth.queue.Message;
import dev.plinth.queue.SendReceipt;
import dev.plinth.spi.queue.DeliveryListener;
import dev.plinth.spi.queue.DriverSubscribeOptions;
import dev.plinth.spi.queue.DriverSubscription;
import dev.plinth.spi.queue.QueueDriver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A driver without features that records what it was asked to do. */
final class CapturingQueueDriver implements QueueDriver {
  final List<Message> sent = new CopyOnWriteArrayList<>();
  final List<DriverSubscribeOptions> subscribed = new CopyOnWriteArrayList<>();
  final AtomicInteger subscriptionCloses = new AtomicInteger();
  final AtomicInteger closes = new AtomicInteger();
  RuntimeException failSend;

  @Override
  public List<SendReceipt> send(String queue, List<Message> messages) {
    if (failSend != null) {
      throw failSend;
    }
    sent.addAll(messages);
    return messages.stream().map(m -> new SendReceipt(m.messageId())).toList();
  }

  @Override
  public CompletableFuture<SendReceipt> sendAsync(String queue, Message message) {
    return CompletableFuture.completedFuture(send(queue, List.of(message)).get(0));
  }

  @Override
  public DriverSubscription subscribe(
      String queue, DriverSubscribeOptions options, DeliveryListener listener) {
    subscribed.add(options);
    return subscriptionCloses::incrementAndGet;
  }

  @Override
  public DeadLetters deadLetters(String queue) {
    throw new UnsupportedOperationException("not in this test");
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.none();
  }

  @Override
  public Health health() {
    return Health.up("capturing");
  }

  @Override
  public Object nativeClient() {
    return new StringBuilder("native");
  }

  @Override
  public void close() {
    closes.incrementAndGet();
  }
}
