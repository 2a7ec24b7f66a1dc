package dev.plinth.core.queue;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.config.PlinthConfig;
import dev.plinth.queue.DeadLetters;
import dev.plinth.queue.Message;
import dev.plinth.queue.MessageHandler;
import dev.plinth.queue.MessageQueue;
import dev.plinth.queue.SendReceipt;
import dev.plinth.queue.SubscribeOptions;
import dev.plinth.queue.Subscription;
import dev.plinth.spi.queue.QueueDriver;
import dev.plinth.telemetry.Telemetry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * STUB (h-platform branch): a pass-through so {@code Platform} compiles; {@link #subscribe} needs
 * the retry state machine and is left to the queue owner's version, which replaces this at merge.
 */
public final class PortableMessageQueue implements MessageQueue, AutoCloseable {
  private final String provider;
  private final QueueDriver driver;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Wraps a driver.
   *
   * @param provider the provider name
   * @param driver the driver
   * @param telemetry the telemetry
   * @param config the configuration
   */
  public PortableMessageQueue(
      String provider, QueueDriver driver, Telemetry telemetry, PlinthConfig config) {
    this.provider = provider;
    this.driver = driver;
  }

  @Override
  public SendReceipt send(String queue, Message message) {
    return driver.send(queue, List.of(message)).get(0);
  }

  @Override
  public List<SendReceipt> sendBatch(String queue, List<Message> messages) {
    return driver.send(queue, messages);
  }

  @Override
  public CompletableFuture<SendReceipt> sendAsync(String queue, Message message) {
    return driver.sendAsync(queue, message);
  }

  @Override
  public Subscription subscribe(String queue, MessageHandler handler, SubscribeOptions options) {
    throw new UnsupportedOperationException("stub: subscribe comes with the queue owner's class");
  }

  @Override
  public DeadLetters deadLetters(String queue) {
    return driver.deadLetters(queue);
  }

  @Override
  public String provider() {
    return provider;
  }

  @Override
  public Capabilities capabilities() {
    return driver.capabilities();
  }

  @Override
  public Health health() {
    return driver.health();
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    for (Object candidate : new Object[] {this, driver, driver.nativeClient()}) {
      if (type.isInstance(candidate)) {
        return type.cast(candidate);
      }
    }
    throw new IllegalArgumentException(
        "Queue provider '" + provider + "' wraps no " + type.getName());
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      driver.close();
    }
  }
}
