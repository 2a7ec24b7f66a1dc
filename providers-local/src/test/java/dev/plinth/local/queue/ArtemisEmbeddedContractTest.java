package dev.plinth.local.queue;

import static dev.plinth.local.queue.TestContexts.queueContext;

import dev.plinth.core.queue.PortableMessageQueue;
import dev.plinth.queue.MessageQueue;
import dev.plinth.spi.ProviderContext;
import dev.plinth.tck.MessageQueueContract;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The queue contract against the embedded Artemis broker, started once for the class. */
class ArtemisEmbeddedContractTest extends MessageQueueContract {
  @TempDir static Path dataDir;
  private static PortableMessageQueue queue;

  @BeforeAll
  static void startBroker() {
    // A short close timeout: the crash test closes a subscription whose handler is blocked.
    ProviderContext context =
        queueContext(
            Map.of(
                "plinth.queue.artemis.data-dir",
                dataDir.toString(),
                "plinth.queue.artemis.close-timeout",
                "1s"));
    queue =
        new PortableMessageQueue(
            "artemis",
            new ArtemisQueueProvider().create(context),
            context.telemetry(),
            context.config());
  }

  @AfterAll
  static void stopBroker() {
    queue.close();
  }

  @Override
  protected MessageQueue queue() {
    return queue;
  }
}
