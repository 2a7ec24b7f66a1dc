package dev.plinth.local.queue;

import static dev.plinth.local.queue.TestContexts.queueContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.plinth.Health;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.queue.DeadLetter;
import dev.plinth.queue.Message;
import dev.plinth.spi.queue.DriverSubscribeOptions;
import dev.plinth.spi.queue.DriverSubscription;
import dev.plinth.testing.FreePorts;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver in remote mode against a second broker reached over TCP. */
class ArtemisRemoteDriverTest {
  private static final DriverSubscribeOptions ONE = new DriverSubscribeOptions(1, 4, 5);

  @TempDir static Path dataDir;
  private static EmbeddedArtemisBroker broker;
  private static ArtemisQueueDriver driver;

  @BeforeAll
  static void startBroker() {
    int port = FreePorts.find();
    broker = EmbeddedArtemisBroker.start(dataDir, "127.0.0.1", port);
    driver =
        (ArtemisQueueDriver)
            new ArtemisQueueProvider()
                .create(
                    queueContext(
                        Map.of(
                            "plinth.queue.artemis.mode",
                            "remote",
                            "plinth.queue.artemis.url",
                            "tcp://127.0.0.1:" + port)));
  }

  @AfterAll
  static void stopBroker() {
    driver.close();
    broker.close();
  }

  @Test
  void send_overTcp_isDeliveredAndAcknowledged() {
    String queue = "remote-" + UUID.randomUUID();
    Message sent = Message.ofText("over tcp").toBuilder().messageId("r-1").build();
    RecordingListener listener = new RecordingListener();

    driver.send(queue, List.of(sent));
    try (DriverSubscription ignored = driver.subscribe(queue, ONE, listener)) {
      await().until(() -> listener.seen().size() == 1);
      await().until(() -> broker.messageCount(queue) == 0);
    }

    assertThat(listener.seen().get(0).message()).isEqualTo(sent);
  }

  @Test
  void deadLetter_overTcp_isListed() {
    String queue = "remote-" + UUID.randomUUID();
    RecordingListener listener =
        new RecordingListener()
            .settleWith(
                d ->
                    d.deadLetter(
                        new DeadLetter(
                            null, queue, d.message(), "nope", "d", null, 2, null, Instant.now())));
    driver.sendAsync(queue, Message.ofText("x").toBuilder().messageId("r-2").build()).join();

    try (DriverSubscription ignored = driver.subscribe(queue, ONE, listener)) {
      await().until(() -> driver.deadLetters(queue).count() == 1);
    }

    assertThat(driver.deadLetters(queue).list(10))
        .singleElement()
        .satisfies(dl -> assertThat(dl.reason()).isEqualTo("nope"));
  }

  @Test
  void health_remoteBroker_isUp() {
    Health health = driver.health();

    assertThat(health.state()).isEqualTo(Health.State.UP);
    assertThat(health.data()).containsEntry("mode", "remote");
  }

  @Test
  void create_unreachableBroker_failsWithProviderUnavailable() {
    int closedPort = FreePorts.find();

    assertThatThrownBy(
            () ->
                new ArtemisQueueProvider()
                    .create(
                        queueContext(
                            Map.of(
                                "plinth.queue.artemis.mode", "remote",
                                "plinth.queue.artemis.url", "tcp://127.0.0.1:" + closedPort,
                                "plinth.queue.artemis.user", "app",
                                "plinth.queue.artemis.password", "s3cret"))))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("127.0.0.1:" + closedPort)
        .hasMessageNotContaining("s3cret");
  }
}
