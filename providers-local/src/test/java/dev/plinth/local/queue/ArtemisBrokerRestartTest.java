package dev.plinth.local.queue;

import static dev.plinth.local.queue.TestContexts.queueContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plinth.error.PlinthException;
import dev.plinth.queue.Message;
import dev.plinth.spi.queue.DriverSubscribeOptions;
import dev.plinth.spi.queue.DriverSubscription;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker that stops while a message is unsettled delivers it again after a restart. */
class ArtemisBrokerRestartTest {
  private static final DriverSubscribeOptions ONE = new DriverSubscribeOptions(1, 1, 5);

  @TempDir static Path dataDir;

  private static ArtemisQueueDriver startDriver() {
    return (ArtemisQueueDriver)
        new ArtemisQueueProvider()
            .create(
                queueContext(
                    Map.of(
                        "plinth.queue.artemis.data-dir",
                        dataDir.toString(),
                        "plinth.queue.artemis.close-timeout",
                        "5s")));
  }

  @Test
  void brokerStop_whileMessageUnsettled_redeliversItAfterRestart() throws Exception {
    String queue = "restart";
    Message sent = Message.ofText("survive me").toBuilder().messageId("restart-1").build();
    CountDownLatch received = new CountDownLatch(1);
    CountDownLatch brokerStopped = new CountDownLatch(1);

    ArtemisQueueDriver first = startDriver();
    first.send(queue, List.of(sent));
    DriverSubscription subscription =
        first.subscribe(
            queue,
            ONE,
            delivery -> {
              received.countDown();
              try {
                brokerStopped.await(10, TimeUnit.SECONDS);
                delivery.ack(); // too late: the broker is gone
              } catch (InterruptedException | PlinthException e) {
                Thread.currentThread().interrupt();
              }
            });
    assertThat(received.await(10, TimeUnit.SECONDS)).isTrue();
    first.embeddedBroker().close();
    brokerStopped.countDown();
    subscription.close();
    first.close();

    try (ArtemisQueueDriver second = startDriver()) {
      await().until(() -> second.embeddedBroker().messageCount(queue) == 1);
      RecordingListener listener = new RecordingListener();
      try (DriverSubscription ignored = second.subscribe(queue, ONE, listener)) {
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.seen().size() == 1);
      }
      assertThat(listener.seen().get(0).message().messageId()).isEqualTo("restart-1");
      assertThat(listener.seen().get(0).message().bodyAsText()).isEqualTo("survive me");
      await().until(() -> second.embeddedBroker().messageCount(queue) == 0);
    }
  }
}
