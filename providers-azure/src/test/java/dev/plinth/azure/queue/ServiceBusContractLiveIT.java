package dev.plinth.azure.queue;

import com.azure.messaging.servicebus.administration.ServiceBusAdministrationClient;
import com.azure.messaging.servicebus.administration.ServiceBusAdministrationClientBuilder;
import com.azure.messaging.servicebus.administration.models.QueueProperties;
import dev.plinth.core.queue.PortableMessageQueue;
import dev.plinth.queue.MessageQueue;
import dev.plinth.spi.ProviderContext;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.tck.MessageQueueContract;
import dev.plinth.telemetry.Telemetry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The queue contract against a real Service Bus namespace. Runs only with {@code -Plive} (failsafe,
 * {@code *LiveIT}) and fails when {@code PLINTH_TEST_SERVICEBUS_CONNECTION_STRING} is missing. The
 * connection string needs the Manage right: the contract's random {@code tck-*} queues are created
 * on first use and deleted afterwards. Set {@code PLINTH_TEST_SERVICEBUS_SESSIONS=true} to run
 * every queue session-enabled (ordering on); otherwise ordering is checked as unsupported.
 */
class ServiceBusContractLiveIT extends MessageQueueContract {
  private static final String CONNECTION_STRING_ENV = "PLINTH_TEST_SERVICEBUS_CONNECTION_STRING";

  private static PortableMessageQueue queue;
  private static ServiceBusAdministrationClient admin;
  private static OffsetDateTime startedAt;

  @BeforeAll
  static void connect() {
    String connectionString = System.getenv(CONNECTION_STRING_ENV);
    if (connectionString == null || connectionString.isBlank()) {
      throw new IllegalStateException(
          "The live Service Bus contract test (-Plive) needs "
              + CONNECTION_STRING_ENV
              + ": a namespace connection string with the Manage right, e.g. "
              + "Endpoint=sb://myns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;"
              + "SharedAccessKey=...");
    }
    Map<String, String> settings = new HashMap<>();
    settings.put("plinth.queue.azure-servicebus.connection-string", connectionString);
    settings.put("plinth.queue.azure-servicebus.auto-create-queues", "true");
    // The crash test closes a subscription whose handler is blocked.
    settings.put("plinth.queue.azure-servicebus.close-timeout", "1s");
    if ("true".equalsIgnoreCase(System.getenv("PLINTH_TEST_SERVICEBUS_SESSIONS"))) {
      settings.put("plinth.queue.azure-servicebus.session-queues", "*");
    }
    ProviderContext context =
        new ProviderContext("queue", new MapPlinthConfig(settings), Telemetry.noop());
    startedAt = OffsetDateTime.now().minusMinutes(1);
    admin =
        new ServiceBusAdministrationClientBuilder()
            .connectionString(connectionString)
            .buildClient();
    queue =
        new PortableMessageQueue(
            ServiceBusQueueProvider.NAME,
            new ServiceBusQueueProvider().create(context),
            context.telemetry(),
            context.config());
  }

  @AfterAll
  static void closeAndDeleteQueues() {
    if (queue != null) {
      queue.close();
    }
    if (admin == null) {
      return;
    }
    for (QueueProperties q : admin.listQueues()) {
      if (q.getName().startsWith("tck-")
          && admin.getQueueRuntimeProperties(q.getName()).getCreatedAt().isAfter(startedAt)) {
        admin.deleteQueue(q.getName());
      }
    }
  }

  @Override
  protected MessageQueue queue() {
    return queue;
  }

  /** A cloud round trip, queue creation included, takes longer than a local broker. */
  @Override
  protected Duration deliveryTimeout() {
    return Duration.ofSeconds(60);
  }
}
