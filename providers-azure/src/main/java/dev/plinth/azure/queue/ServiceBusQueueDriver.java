package dev.plinth.azure.queue;

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
import dev.plinth.telemetry.Telemetry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link QueueDriver} on Azure Service Bus queues through the native SDK. Service Bus only stores
 * and delivers in peek-lock mode; sdk-core decides retries (a scheduled re-send, then complete) and
 * dead letters (into {@code $DeadLetterQueue} with reason, description and the {@code plinth-dl-*}
 * properties). Ordering needs session-enabled queues listed in {@code session-queues}; duplicate
 * detection relies on the queue's own setting.
 */
public final class ServiceBusQueueDriver implements QueueDriver {
  private final ServiceBusSettings settings;
  private final ServiceBusGateway gateway;
  private final QueueProvisioner provisioner;
  private final ServiceBusPublisher publisher;
  private final SettlementEvents events;
  private final Clock clock;
  private final Set<ServiceBusSubscription> subscriptions = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  ServiceBusQueueDriver(
      ServiceBusSettings settings, ServiceBusGateway gateway, Telemetry telemetry, Clock clock) {
    this.settings = settings;
    this.gateway = gateway;
    this.provisioner = new QueueProvisioner(gateway, settings);
    this.publisher = new ServiceBusPublisher(gateway, settings, provisioner);
    this.events = new SettlementEvents(telemetry);
    this.clock = clock;
  }

  @Override
  public List<SendReceipt> send(String queue, List<Message> messages) {
    return publisher.send(queue, messages);
  }

  @Override
  public CompletableFuture<SendReceipt> sendAsync(String queue, Message message) {
    return publisher.sendAsync(queue, message);
  }

  @Override
  public DriverSubscription subscribe(
      String queue, DriverSubscribeOptions options, DeliveryListener listener) {
    provisioner.ensure(queue);
    ServiceBusSubscription[] holder = new ServiceBusSubscription[1];
    ServiceBusSubscription subscription =
        new ServiceBusSubscription(
            queue,
            listener,
            publisher,
            events,
            settings.closeTimeout(),
            () -> subscriptions.remove(holder[0]),
            clock);
    holder[0] = subscription;
    int prefetch = options.prefetch() > 0 ? options.prefetch() : settings.defaultPrefetch();
    try {
      subscription.start(
          gateway,
          new ServiceBusGateway.ProcessorSpec(
              Math.max(1, options.concurrency()),
              prefetch,
              settings.maxLockRenewal(),
              settings.isSessionQueue(queue)));
    } catch (RuntimeException e) {
      subscription.close();
      throw ServiceBusErrors.map("start consumers for queue '" + queue + "'", e);
    }
    subscriptions.add(subscription);
    return subscription;
  }

  @Override
  public DeadLetters deadLetters(String queue) {
    provisioner.ensure(queue);
    return new ServiceBusDeadLetters(queue, gateway, publisher, settings.deadLetterScanLimit());
  }

  @Override
  public Capabilities capabilities() {
    Capabilities.Builder b =
        Capabilities.builder()
            .feature(QueueCapabilities.SCHEDULED_DELIVERY, QueueCapabilities.DURABLE)
            .limit(QueueCapabilities.MAX_MESSAGE_BYTES, settings.maxMessageBytes());
    if (!settings.sessionQueues().isEmpty()) {
      b.feature(QueueCapabilities.ORDERING);
    }
    if (settings.duplicateDetection()) {
      b.feature(QueueCapabilities.DUPLICATE_DETECTION);
    }
    return b.build();
  }

  /** Reports the configuration; Service Bus is probed lazily, on first use of each queue. */
  @Override
  public Health health() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("endpoint", settings.endpoint());
    data.put("subscriptions", subscriptions.size());
    if (closed) {
      return Health.down("The Service Bus queue driver is closed.").withData(data);
    }
    return Health.up("Service Bus namespace " + settings.endpoint()).withData(data);
  }

  /**
   * Returns the SDK's {@code ServiceBusClientBuilder} (shared connection) when running against
   * Service Bus.
   *
   * @return the native client
   */
  @Override
  public Object nativeClient() {
    return gateway.nativeClient();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      for (ServiceBusSubscription subscription : List.copyOf(subscriptions)) {
        subscription.close();
      }
      publisher.close();
    } finally {
      gateway.close();
    }
  }
}
