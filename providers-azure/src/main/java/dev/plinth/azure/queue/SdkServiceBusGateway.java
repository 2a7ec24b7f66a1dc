package dev.plinth.azure.queue;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.messaging.servicebus.ServiceBusClientBuilder;
import com.azure.messaging.servicebus.ServiceBusErrorContext;
import com.azure.messaging.servicebus.ServiceBusProcessorClient;
import com.azure.messaging.servicebus.ServiceBusReceivedMessageContext;
import com.azure.messaging.servicebus.administration.ServiceBusAdministrationClient;
import com.azure.messaging.servicebus.administration.ServiceBusAdministrationClientBuilder;
import com.azure.messaging.servicebus.administration.models.CreateQueueOptions;
import com.azure.messaging.servicebus.models.ServiceBusReceiveMode;
import com.azure.messaging.servicebus.models.SubQueue;
import dev.plinth.error.ConfigurationException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The real {@link ServiceBusGateway}: one {@link ServiceBusClientBuilder} (so every sender,
 * receiver and processor shares one AMQP connection) and an administration client for runtime
 * counts and optional queue creation. Authenticates with the connection string or, passwordless,
 * with {@code DefaultAzureCredential}. Never logs the connection string.
 */
final class SdkServiceBusGateway implements ServiceBusGateway {
  private static final System.Logger LOG = System.getLogger(SdkServiceBusGateway.class.getName());
  private static final Duration DUPLICATE_WINDOW = Duration.ofMinutes(10);

  /** How long a session processor waits on a quiet session before taking another one. */
  private static final Duration SESSION_IDLE_TIMEOUT = Duration.ofSeconds(2);

  private final ServiceBusClientBuilder builder;
  private final ServiceBusAdministrationClient admin;

  private SdkServiceBusGateway(
      ServiceBusClientBuilder builder, ServiceBusAdministrationClient admin) {
    this.builder = builder;
    this.admin = admin;
  }

  /**
   * Builds the SDK clients; connections open lazily on first use.
   *
   * @param settings validated settings
   * @return the gateway
   * @throws ConfigurationException if the SDK refuses the connection string or namespace
   */
  static SdkServiceBusGateway connect(ServiceBusSettings settings) {
    try {
      ServiceBusClientBuilder builder = new ServiceBusClientBuilder();
      ServiceBusAdministrationClientBuilder adminBuilder =
          new ServiceBusAdministrationClientBuilder();
      if (settings.connectionString() != null) {
        builder.connectionString(settings.connectionString());
        adminBuilder.connectionString(settings.connectionString());
      } else {
        TokenCredential credential = new DefaultAzureCredentialBuilder().build();
        builder.credential(settings.namespace(), credential);
        adminBuilder.credential(settings.namespace(), credential);
      }
      return new SdkServiceBusGateway(builder, adminBuilder.buildClient());
    } catch (IllegalArgumentException | NullPointerException e) {
      String key =
          "plinth.queue."
              + (settings.connectionString() != null
                  ? ServiceBusSettings.CONNECTION_STRING
                  : ServiceBusSettings.NAMESPACE);
      // The SDK's message may quote the connection string: do not pass it on.
      throw new ConfigurationException(
          key,
          "Service Bus rejected '"
              + key
              + "' ("
              + e.getClass().getSimpleName()
              + "). Example: myns.servicebus.windows.net, or a connection string"
              + " Endpoint=sb://myns.servicebus.windows.net/;SharedAccessKeyName=...;"
              + "SharedAccessKey=...");
    }
  }

  @Override
  public QueueSender sender(String queue) {
    return new SdkQueueSender(
        builder.sender().queueName(queue).buildClient(),
        builder.sender().queueName(queue).buildAsyncClient());
  }

  @Override
  public ProcessorHandle processor(
      String queue,
      ProcessorSpec spec,
      Consumer<LockedMessage> onMessage,
      Consumer<ProcessorError> onError) {
    Consumer<ServiceBusReceivedMessageContext> messages =
        context -> onMessage.accept(SdkLockedMessage.of(context));
    Consumer<ServiceBusErrorContext> errors =
        context ->
            onError.accept(
                new ProcessorError(
                    String.valueOf(context.getErrorSource()), context.getException()));
    ServiceBusProcessorClient client;
    if (spec.sessions()) {
      // One session at a time per unit of concurrency, one message at a time per session: order.
      client =
          builder
              .sessionProcessor()
              .queueName(queue)
              .receiveMode(ServiceBusReceiveMode.PEEK_LOCK)
              .disableAutoComplete()
              .maxConcurrentSessions(spec.concurrency())
              .sessionIdleTimeout(SESSION_IDLE_TIMEOUT)
              .maxConcurrentCalls(1)
              .prefetchCount(spec.prefetch())
              .maxAutoLockRenewDuration(spec.maxLockRenewal())
              .processMessage(messages)
              .processError(errors)
              .buildProcessorClient();
    } else {
      client =
          builder
              .processor()
              .queueName(queue)
              .receiveMode(ServiceBusReceiveMode.PEEK_LOCK)
              .disableAutoComplete()
              .maxConcurrentCalls(spec.concurrency())
              .prefetchCount(spec.prefetch())
              .maxAutoLockRenewDuration(spec.maxLockRenewal())
              .processMessage(messages)
              .processError(errors)
              .buildProcessorClient();
    }
    return new ProcessorHandle() {
      @Override
      public void start() {
        client.start();
      }

      @Override
      public void stop() {
        client.stop();
      }

      @Override
      public void close() {
        client.close();
      }
    };
  }

  @Override
  public DeadLetterReceiver deadLetterReceiver(String queue) {
    return new SdkDeadLetterReceiver(
        builder
            .receiver()
            .queueName(queue)
            .subQueue(SubQueue.DEAD_LETTER_QUEUE)
            .receiveMode(ServiceBusReceiveMode.PEEK_LOCK)
            .prefetchCount(0)
            .buildClient());
  }

  @Override
  public OptionalLong deadLetterCount(String queue) {
    try {
      return OptionalLong.of(admin.getQueueRuntimeProperties(queue).getDeadLetterMessageCount());
    } catch (RuntimeException e) {
      // Data Sender/Receiver roles may not read runtime properties: the caller counts by peeking.
      LOG.log(Level.DEBUG, "No runtime properties for ''{0}'': {1}", queue, e.getMessage());
      return OptionalLong.empty();
    }
  }

  @Override
  public void ensureQueue(String queue, QueueSpec spec) {
    if (admin.getQueueExists(queue)) {
      return;
    }
    CreateQueueOptions options =
        new CreateQueueOptions()
            .setSessionRequired(spec.sessions())
            .setDuplicateDetectionRequired(spec.duplicateDetection())
            .setMaxDeliveryCount(spec.maxDeliveryCount());
    if (spec.duplicateDetection()) {
      options.setDuplicateDetectionHistoryTimeWindow(DUPLICATE_WINDOW);
    }
    try {
      admin.createQueue(queue, options);
    } catch (com.azure.core.exception.ResourceExistsException e) {
      // created concurrently by another instance
    }
  }

  @Override
  public Object nativeClient() {
    return builder;
  }

  /** Nothing to release: each sender, receiver and processor closes its own link. */
  @Override
  public void close() {}
}
