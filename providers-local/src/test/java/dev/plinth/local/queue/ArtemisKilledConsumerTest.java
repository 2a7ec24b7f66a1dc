package dev.plinth.local.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plinth.config.Profile;
import dev.plinth.core.Platform;
import dev.plinth.queue.Delivery;
import dev.plinth.queue.Message;
import dev.plinth.queue.Outcome;
import dev.plinth.queue.SubscribeOptions;
import dev.plinth.queue.Subscription;
import dev.plinth.testing.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A consumer killed mid-message must lose nothing": a consumer in another JVM takes a message, is
 * killed with SIGKILL inside its handler (no outcome, no clean close), and the message is delivered
 * again to the next consumer, with the killed attempt counted and nothing dead-lettered.
 */
class ArtemisKilledConsumerTest {
  @TempDir static Path dir;
  private static EmbeddedArtemisBroker broker;
  private static final String CONNECTION_TTL = "5s";
  private static String url;

  @BeforeAll
  static void startBroker() {
    int port = FreePorts.find();
    broker = EmbeddedArtemisBroker.start(dir.resolve("broker"), "127.0.0.1", port);
    url = "tcp://127.0.0.1:" + port;
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void consumerKilledInsideHandler_messageIsRedeliveredWithTheAttemptCounted() throws Exception {
    String queue = "killed-" + UUID.randomUUID();
    Path marker = dir.resolve(queue + ".marker");
    try (Platform platform = remotePlatform()) {
      platform.queue().send(queue, Message.ofText("survives").toBuilder().messageId("m-1").build());

      Process consumer = startConsumer(queue, marker);
      try {
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(marker));
        assertThat(Files.readString(marker)).isEqualTo("m-1,1");
      } finally {
        consumer.destroyForcibly();
        assertThat(consumer.waitFor(30, TimeUnit.SECONDS)).as("consumer killed").isTrue();
      }

      List<Delivery> seen = new CopyOnWriteArrayList<>();
      try (Subscription ignored =
          platform
              .queue()
              .subscribe(
                  queue,
                  delivery -> {
                    seen.add(delivery);
                    return Outcome.ack();
                  },
                  SubscribeOptions.defaults().withMaxAttempts(3))) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !seen.isEmpty());
        await().until(() -> broker.messageCount(queue) == 0);
      }

      assertThat(seen).hasSize(1);
      assertThat(seen.get(0).message().messageId()).isEqualTo("m-1");
      assertThat(seen.get(0).message().bodyAsText()).isEqualTo("survives");
      assertThat(seen.get(0).attempt()).as("the killed attempt counts").isEqualTo(2);
      assertThat(platform.queue().deadLetters(queue).list(10)).isEmpty();
    }
  }

  private static Platform remotePlatform() {
    return Platform.builder()
        .profile(Profile.MEMORY)
        .property("plinth.queue.provider", "artemis")
        .property("plinth.queue.artemis.mode", "remote")
        .property("plinth.queue.artemis.url", url)
        .build();
  }

  private static Process startConsumer(String queue, Path marker) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-Xmx96m",
            "-cp",
            System.getProperty("java.class.path"),
            KilledConsumerMain.class.getName(),
            url,
            queue,
            marker.toString(),
            CONNECTION_TTL)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(queue + ".log").toFile())
        .start();
  }
}
