package dev.plinth.core.queue;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.config.PlinthConfig;
import dev.plinth.core.internal.Unwrapper;
import dev.plinth.queue.DeadLetters;
import dev.plinth.queue.Message;
import dev.plinth.queue.MessageHandler;
import dev.plinth.queue.MessageQueue;
import dev.plinth.queue.SendReceipt;
import dev.plinth.queue.SubscribeOptions;
import dev.plinth.queue.Subscription;
import dev.plinth.spi.queue.DriverSubscribeOptions;
import dev.plinth.spi.queue.DriverSubscription;
import dev.plinth.spi.queue.QueueDriver;
import dev.plinth.telemetry.Telemetry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link MessageQueue} every provider is used through: validates names and messages, stamps the
 * retry headers, trace context and correlation id on send, and runs the one retry/dead-letter state
 * machine ({@link DeliveryProcessor}) on top of the driver's deliveries.
 */
public final class PortableMessageQueue implements MessageQueue, AutoCloseable {
  private final String provider;
  private final QueueDriver driver;
  private final Telemetry telemetry;
  private final Clock clock;
  private final MessageSender sender;
  private final Set<PortableSubscription> subscriptions = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Wraps a started driver.
   *
   * @param provider the provider name, e.g. {@code artemis}
   * @param driver the driver
   * @param telemetry where metrics, spans and events go
   * @param config the platform configuration
   */
  public PortableMessageQueue(
      String provider, QueueDriver driver, Telemetry telemetry, PlinthConfig config) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.driver = Objects.requireNonNull(driver, "driver");
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    Objects.requireNonNull(config, "config");
    this.clock = Clock.systemUTC();
    this.sender = new MessageSender(provider, driver, telemetry, clock);
  }

  @Override
  public SendReceipt send(String queue, Message message) {
    ensureOpen();
    return sender.send(QueueRules.requireValidQueueName(queue), List.of(message)).get(0);
  }

  @Override
  public List<SendReceipt> sendBatch(String queue, List<Message> messages) {
    ensureOpen();
    Objects.requireNonNull(messages, "messages");
    if (messages.isEmpty()) {
      return List.of();
    }
    return sender.send(QueueRules.requireValidQueueName(queue), messages);
  }

  @Override
  public CompletableFuture<SendReceipt> sendAsync(String queue, Message message) {
    ensureOpen();
    return sender.sendAsync(QueueRules.requireValidQueueName(queue), message);
  }

  @Override
  public Subscription subscribe(String queue, MessageHandler handler, SubscribeOptions options) {
    ensureOpen();
    QueueRules.requireValidQueueName(queue);
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(options, "options");
    DeliveryProcessor processor =
        new DeliveryProcessor(
            queue,
            provider,
            handler,
            options,
            telemetry,
            () -> ThreadLocalRandom.current().nextDouble(),
            clock);
    DriverSubscription driverSubscription =
        driver.subscribe(
            queue,
            new DriverSubscribeOptions(
                options.concurrency(), options.prefetch(), options.maxAttempts()),
            processor);
    PortableSubscription subscription =
        new PortableSubscription(queue, driverSubscription, subscriptions::remove);
    subscriptions.add(subscription);
    return subscription;
  }

  @Override
  public DeadLetters deadLetters(String queue) {
    ensureOpen();
    return new PortableDeadLetters(
        queue, driver.deadLetters(QueueRules.requireValidQueueName(queue)));
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
    return Unwrapper.unwrap(
        this, driver, driver.nativeClient(), type, "The '" + provider + "' message queue");
  }

  /** Closes every open subscription, then the driver. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      for (PortableSubscription subscription : new ArrayList<>(subscriptions)) {
        subscription.close();
      }
    } finally {
      driver.close();
    }
  }

  @Override
  public String toString() {
    return "PortableMessageQueue{provider=" + provider + '}';
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException(
          "The '" + provider + "' message queue is closed; use the platform's current queue()");
    }
  }
}
