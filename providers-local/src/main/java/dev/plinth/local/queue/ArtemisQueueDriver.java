package dev.plinth.local.queue;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.error.ConfigurationException;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.queue.DeadLetters;
import dev.plinth.queue.Message;
import dev.plinth.queue.QueueCapabilities;
import dev.plinth.queue.SendReceipt;
import dev.plinth.spi.queue.DeliveryListener;
import dev.plinth.spi.queue.DriverSubscribeOptions;
import dev.plinth.spi.queue.DriverSubscription;
import dev.plinth.spi.queue.QueueDriver;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.jms.client.ActiveMQJMSConnectionFactory;

/**
 * A {@link QueueDriver} on Apache ActiveMQ Artemis over Jakarta Messaging, against a broker
 * embedded in this JVM or a remote one. Messages are persistent bytes messages; the broker only
 * stores and delivers, while sdk-core decides retries and dead letters, which this driver writes to
 * {@code <queue>.dlq} in the same transaction as the acknowledgement.
 */
public final class ArtemisQueueDriver implements QueueDriver {
  /** The largest message body the driver accepts: Artemis streams large messages to disk. */
  static final long MAX_MESSAGE_BYTES = 10L * 1024 * 1024;

  /** Built once: the send path reads the capabilities of every message. */
  private static final Capabilities CAPABILITIES =
      Capabilities.builder()
          .feature(
              QueueCapabilities.SCHEDULED_DELIVERY,
              QueueCapabilities.ORDERING,
              QueueCapabilities.DUPLICATE_DETECTION,
              QueueCapabilities.DURABLE)
          .limit(QueueCapabilities.MAX_MESSAGE_BYTES, MAX_MESSAGE_BYTES)
          .build();

  private static final int CONFIRMATION_WINDOW_BYTES = 1024 * 1024;
  private static final int BYTES_PER_PREFETCHED_MESSAGE = 64 * 1024;

  private final ArtemisSettings settings;
  private final EmbeddedArtemisBroker broker;
  private final ActiveMQJMSConnectionFactory factory;
  private final Connection connection;
  private final SenderPool senders;
  private final ArtemisSender sender;
  private final Set<ArtemisSubscription> subscriptions = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private ArtemisQueueDriver(
      ArtemisSettings settings,
      EmbeddedArtemisBroker broker,
      ActiveMQJMSConnectionFactory factory,
      Connection connection) {
    this.settings = settings;
    this.broker = broker;
    this.factory = factory;
    this.connection = connection;
    this.senders = new SenderPool(connection);
    this.sender = new ArtemisSender(senders, settings.endpoint());
  }

  /**
   * Starts the embedded broker if configured, then connects.
   *
   * @param settings validated settings
   * @return the started driver
   * @throws ConfigurationException if the broker URL is malformed
   * @throws ProviderUnavailableException if the broker cannot be started or reached
   */
  static ArtemisQueueDriver start(ArtemisSettings settings) {
    EmbeddedArtemisBroker broker =
        settings.embedded()
            ? EmbeddedArtemisBroker.start(
                settings.dataDir(), settings.embeddedHost(), settings.embeddedPort())
            : null;
    try {
      ActiveMQJMSConnectionFactory factory =
          connectionFactory(settings, broker, BYTES_PER_PREFETCHED_MESSAGE * 16);
      Connection connection = factory.createConnection();
      connection.start();
      return new ArtemisQueueDriver(settings, broker, factory, connection);
    } catch (JMSException | RuntimeException e) {
      if (broker != null) {
        broker.close();
      }
      if (e instanceof ConfigurationException c) {
        throw c;
      }
      throw new ProviderUnavailableException(
          "Cannot connect to the Artemis broker ("
              + settings.endpoint()
              + "): "
              + e.getMessage()
              + ". Check the broker is running and the URL, user and password are right.",
          e);
    }
  }

  private static ActiveMQJMSConnectionFactory connectionFactory(
      ArtemisSettings settings, EmbeddedArtemisBroker broker, int consumerWindowBytes) {
    ActiveMQJMSConnectionFactory factory;
    try {
      factory =
          broker != null
              ? new ActiveMQJMSConnectionFactory(broker.inVmUrl())
              : new ActiveMQJMSConnectionFactory(
                  settings.url(), settings.user(), settings.password());
    } catch (RuntimeException e) {
      throw new ConfigurationException(
          "plinth.queue." + ArtemisSettings.URL,
          "Invalid Artemis broker URL for 'plinth.queue."
              + ArtemisSettings.URL
              + "': "
              + e.getMessage()
              + ". Example: tcp://localhost:61616",
          e);
    }
    factory.setBlockOnDurableSend(true);
    // createQueue() otherwise asks the broker per send, and that query waits behind the previous
    // durable send: it made sendAsync as slow as a blocking send (BENCHMARKS.md).
    factory.setCacheDestinations(true);
    factory.setConfirmationWindowSize(CONFIRMATION_WINDOW_BYTES); // needed by async send
    factory.setConsumerWindowSize(consumerWindowBytes);
    if (broker == null) {
      factory.setReconnectAttempts(-1);
      factory.setRetryInterval(1000);
      factory.setRetryIntervalMultiplier(2.0);
      factory.setMaxRetryInterval(30_000);
      // A client that may reconnect keeps its sessions on the broker until the TTL runs out, so
      // the TTL bounds how long a crashed consumer's unacknowledged message stays invisible.
      long ttlMillis = settings.connectionTtl().toMillis();
      factory.setConnectionTTL(ttlMillis);
      factory.setClientFailureCheckPeriod(ttlMillis / 3);
    }
    return factory;
  }

  /**
   * Returns the Artemis queue that holds a queue's dead letters.
   *
   * @param queue the queue
   * @return {@code <queue>.dlq}
   */
  static String deadLetterQueue(String queue) {
    return queue + ".dlq";
  }

  @Override
  public List<SendReceipt> send(String queue, List<Message> messages) {
    return sender.send(queue, messages);
  }

  @Override
  public CompletableFuture<SendReceipt> sendAsync(String queue, Message message) {
    return sender.sendAsync(queue, message);
  }

  @Override
  public DriverSubscription subscribe(
      String queue, DriverSubscribeOptions options, DeliveryListener listener) {
    int window =
        options.prefetch() <= 0
            ? 0
            : (int)
                Math.min(
                    Integer.MAX_VALUE, (long) options.prefetch() * BYTES_PER_PREFETCHED_MESSAGE);
    Connection consumerConnection = null;
    try {
      consumerConnection = connectionFactory(settings, broker, window).createConnection();
      ArtemisSubscription[] holder = new ArtemisSubscription[1];
      ArtemisSubscription subscription =
          ArtemisSubscription.start(
              queue,
              consumerConnection,
              options.concurrency(),
              listener,
              settings.closeTimeout(),
              () -> subscriptions.remove(holder[0]));
      holder[0] = subscription;
      subscriptions.add(subscription);
      return subscription;
    } catch (JMSException e) {
      closeQuietly(consumerConnection);
      throw new ProviderUnavailableException(
          "Cannot start Artemis consumers for queue '"
              + queue
              + "' ("
              + settings.endpoint()
              + "): "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public DeadLetters deadLetters(String queue) {
    return new ArtemisDeadLetters(queue, connection);
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public Health health() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("mode", settings.embedded() ? "embedded" : "remote");
    data.put("endpoint", settings.endpoint());
    if (closed) {
      return Health.down("The Artemis queue driver is closed.").withData(data);
    }
    if (broker != null && !broker.isActive()) {
      return Health.down(
              "The embedded Artemis broker is not running; restart the application and check "
                  + "its data directory "
                  + settings.dataDir())
          .withData(data);
    }
    try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
      data.put("subscriptions", subscriptions.size());
      if (broker != null) {
        data.put("queues", broker.queueCount());
      }
      return Health.up("Artemis broker reachable (" + settings.endpoint() + ")").withData(data);
    } catch (JMSException | RuntimeException e) {
      return Health.down(
              "Cannot reach the Artemis broker ("
                  + settings.endpoint()
                  + "): "
                  + e.getMessage()
                  + ". Check the broker is running.")
          .withData(data);
    }
  }

  /**
   * Returns the JMS connection factory ({@link jakarta.jms.ConnectionFactory}).
   *
   * @return the connection factory
   */
  @Override
  public Object nativeClient() {
    return factory;
  }

  /**
   * Returns the embedded broker, for tests of crash and restart.
   *
   * @return the broker, or null in remote mode
   */
  EmbeddedArtemisBroker embeddedBroker() {
    return broker;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (ArtemisSubscription subscription : List.copyOf(subscriptions)) {
      subscription.close();
    }
    senders.close();
    closeQuietly(connection);
    factory.close();
    if (broker != null) {
      broker.close();
    }
  }

  private static void closeQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (JMSException | RuntimeException e) {
      // the connection is already broken; nothing else to release
    }
  }
}
