package dev.plinth.azure.queue;

import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.queue.QueueDriver;
import dev.plinth.spi.queue.QueueProvider;
import java.time.Clock;

/**
 * The {@code azure-servicebus} queue provider: Azure Service Bus queues, passwordless with {@code
 * plinth.queue.azure-servicebus.namespace} (DefaultAzureCredential) or with {@code
 * plinth.queue.azure-servicebus.connection-string}.
 */
public final class ServiceBusQueueProvider implements QueueProvider {
  /** The provider name. */
  public static final String NAME = "azure-servicebus";

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public ServiceBusQueueProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Azure Service Bus queues (native SDK, peek-lock, $DeadLetterQueue)";
  }

  @Override
  public QueueDriver create(ProviderContext context) {
    ServiceBusSettings settings = ServiceBusSettings.from(context);
    return new ServiceBusQueueDriver(
        settings, SdkServiceBusGateway.connect(settings), context.telemetry(), Clock.systemUTC());
  }
}
