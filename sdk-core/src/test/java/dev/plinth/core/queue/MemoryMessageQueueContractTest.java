package dev.plinth.core.queue;

import dev.plinth.core.memory.MemoryQueueDriver;
import dev.plinth.queue.MessageQueue;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.tck.MessageQueueContract;
import dev.plinth.telemetry.Telemetry;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The memory queue, through the portable queue, passes the queue contract. */
class MemoryMessageQueueContractTest extends MessageQueueContract {
  private static PortableMessageQueue queue;

  @BeforeAll
  static void start() {
    queue =
        new PortableMessageQueue(
            "memory",
            new MemoryQueueDriver(Duration.ofMinutes(10), Duration.ofMillis(200)),
            Telemetry.noop(),
            MapPlinthConfig.empty());
  }

  @AfterAll
  static void stop() {
    queue.close();
  }

  @Override
  protected MessageQueue queue() {
    return queue;
  }
}
