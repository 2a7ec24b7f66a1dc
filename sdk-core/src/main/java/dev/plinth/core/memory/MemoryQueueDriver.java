package dev.plinth.core.memory;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.queue.DeadLetters;
import dev.plinth.queue.Message;
import dev.plinth.queue.QueueCapabilities;
import dev.plinth.queue.SendReceipt;
import dev.plinth.spi.queue.DeliveryListener;
import dev.plinth.spi.queue.DriverSubscribeOptions;
import dev.plinth.spi.queue.DriverSubscription;
import dev.plinth.spi.queue.QueueDriver;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-process queues for tests and demos: scheduled delivery, ordering keys, duplicate detection by
 * message id and dead letters; nothing survives the JVM.
 */
public final class MemoryQueueDriver implements QueueDriver {
  /** The default window in which a repeated message id is dropped. */
  public static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofMinutes(10);

  /** The default bound on how long closing a subscription waits for running handlers. */
  public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);

  /** The largest body accepted: large payloads belong in blob storage on every provider. */
  public static final long MAX_MESSAGE_BYTES = 1024 * 1024;

  private static final Capabilities CAPABILITIES =
      Capabilities.builder()
          .feature(
              QueueCapabilities.SCHEDULED_DELIVERY,
              QueueCapabilities.ORDERING,
              QueueCapabilities.DUPLICATE_DETECTION)
          .limit(QueueCapabilities.MAX_MESSAGE_BYTES, MAX_MESSAGE_BYTES)
          .build();

  private final Duration duplicateWindow;
  private final Duration closeTimeout;
  private final Clock clock;
  private final Map<String, MemoryQueue> queues = new ConcurrentHashMap<>();
  private final Set<MemoryQueueSubscription> subscriptions = ConcurrentHashMap.newKeySet();

  /** Creates a driver with the default duplicate window and close timeout. */
  public MemoryQueueDriver() {
    this(DEFAULT_DUPLICATE_WINDOW, DEFAULT_CLOSE_TIMEOUT);
  }

  /**
   * Creates a driver.
   *
   * @param duplicateWindow how long a message id is remembered for duplicate detection
   * @param closeTimeout how long closing a subscription waits for running handlers before their
   *     messages go back to the queue
   */
  public MemoryQueueDriver(Duration duplicateWindow, Duration closeTimeout) {
    this(duplicateWindow, closeTimeout, Clock.systemUTC());
  }

  MemoryQueueDriver(Duration duplicateWindow, Duration closeTimeout, Clock clock) {
    this.duplicateWindow = Objects.requireNonNull(duplicateWindow, "duplicateWindow");
    this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public List<SendReceipt> send(String queue, List<Message> messages) {
    MemoryQueue target = queue(queue);
    return messages.stream().map(target::send).toList();
  }

  @Override
  public CompletableFuture<SendReceipt> sendAsync(String queue, Message message) {
    return CompletableFuture.completedFuture(queue(queue).send(message));
  }

  @Override
  public DriverSubscription subscribe(
      String queue, DriverSubscribeOptions options, DeliveryListener listener) {
    MemoryQueueSubscription subscription =
        new MemoryQueueSubscription(queue(queue), options.concurrency(), listener, closeTimeout);
    subscriptions.add(subscription);
    return () -> {
      subscription.close();
      subscriptions.remove(subscription);
    };
  }

  @Override
  public DeadLetters deadLetters(String queue) {
    return queue(queue).deadLetters();
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public Health health() {
    return Health.up("in-memory queues")
        .withData(Map.of("queues", queues.size(), "subscriptions", subscriptions.size()));
  }

  @Override
  public Object nativeClient() {
    return this;
  }

  /** Stops every subscription; messages stay in memory until the driver is garbage collected. */
  @Override
  public void close() {
    for (MemoryQueueSubscription subscription : subscriptions) {
      subscription.close();
    }
    subscriptions.clear();
  }

  /** Messages waiting in a queue (not in flight, not dead-lettered); for tests. */
  int depth(String queue) {
    return queue(queue).depth();
  }

  private MemoryQueue queue(String name) {
    return queues.computeIfAbsent(name, n -> new MemoryQueue(n, clock, duplicateWindow));
  }
}
