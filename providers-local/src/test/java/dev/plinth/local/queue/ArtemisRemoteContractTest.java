package dev.plinth.local.queue;

import static dev.plinth.local.queue.TestContexts.queueContext;

import dev.plinth.core.queue.PortableMessageQueue;
import dev.plinth.queue.MessageQueue;
import dev.plinth.spi.ProviderContext;
import dev.plinth.tck.MessageQueueContract;
import dev.plinth.testing.FreePorts;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The queue contract against a second broker reached over TCP (driver in remote mode). */
class ArtemisRemoteContractTest extends MessageQueueContract {
  @TempDir static Path dataDir;
  private static EmbeddedArtemisBroker broker;
  private static PortableMessageQueue queue;

  @BeforeAll
  static void startBroker() {
    // A short close timeout: the crash test closes a subscription whose handler is blocked.
    int port = FreePorts.find();
    broker = EmbeddedArtemisBroker.start(dataDir, "127.0.0.1", port);
    ProviderContext context =
        queueContext(
            Map.of(
                "plinth.queue.artemis.mode", "remote",
                "plinth.queue.artemis.url", "tcp://127.0.0.1:" + port,
                "plinth.queue.artemis.close-timeout", "1s"));
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
    broker.close();
  }

  @Override
  protected MessageQueue queue() {
    return queue;
  }
}
