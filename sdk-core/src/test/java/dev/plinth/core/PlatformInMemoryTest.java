package dev.plinth.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import dev.plinth.Health;
import dev.plinth.config.Profile;
import dev.plinth.core.memory.RecordingTelemetry;
import dev.plinth.queue.DeadLetter;
import dev.plinth.queue.Message;
import dev.plinth.queue.Outcome;
import dev.plinth.queue.SubscribeOptions;
import dev.plinth.queue.Subscription;
import dev.plinth.storage.Blob;
import dev.plinth.storage.PutOptions;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link Platform#inMemory()} end to end: every port on its memory provider, used for real. */
class PlatformInMemoryTest {

  @Test
  void inMemory_everyPortIsMemoryAndUsable() {
    try (Platform platform = Platform.inMemory()) {
      assertThat(platform.storage().provider()).isEqualTo("memory");
      assertThat(platform.cache().provider()).isEqualTo("memory");
      assertThat(platform.queue().provider()).isEqualTo("memory");
      assertThat(platform.auth().provider()).isEqualTo("memory");
      assertThat(platform.telemetry().unwrap(RecordingTelemetry.class).provider())
          .isEqualTo("memory");
      assertThat(platform.health().state()).isEqualTo(Health.State.UP);
    }
  }

  @Test
  void inMemory_blobPutThenGet_returnsContent() {
    try (Platform platform = Platform.inMemory()) {
      platform.storage().put("docs/a.txt", "hello".getBytes(UTF_8), PutOptions.none());
      try (Blob blob = platform.storage().get("docs/a.txt")) {
        assertThat(new String(blob.readAllBytes(), UTF_8)).isEqualTo("hello");
        assertThat(blob.info().size()).isEqualTo(5);
      }
    }
  }

  @Test
  void inMemory_cacheGetOrLoad_loadsOnceThenHits() {
    try (Platform platform = Platform.inMemory()) {
      AtomicInteger loads = new AtomicInteger();
      for (int i = 0; i < 2; i++) {
        assertThat(
                platform
                    .cache()
                    .getOrLoad(
                        "k",
                        Duration.ofMinutes(1),
                        k -> ("v" + loads.incrementAndGet()).getBytes(UTF_8))
                    .map(v -> new String(v, UTF_8)))
            .contains("v1");
      }
      assertThat(loads).hasValue(1);
    }
  }

  @Test
  void inMemory_queueDeliversThenDeadLetters() {
    String queue = "orders-" + UUID.randomUUID();
    try (Platform platform = Platform.inMemory();
        Subscription subscription =
            platform
                .queue()
                .subscribe(
                    queue,
                    delivery -> Outcome.deadLetter("invalid-payload", "not an order"),
                    SubscribeOptions.defaults())) {
      platform.queue().send(queue, Message.ofText("hello"));

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> platform.queue().deadLetters(queue).count() == 1);
      DeadLetter dead = platform.queue().deadLetters(queue).list(10).get(0);
      assertThat(dead.message().bodyAsText()).isEqualTo("hello");
      assertThat(dead.reason()).isEqualTo("invalid-payload");
      assertThat(dead.description()).isEqualTo("not an order");
      assertThat(subscription.isActive()).isTrue();
    }
  }

  @Test
  void inMemory_describe_listsMemoryOnEveryPort() {
    try (Platform platform = Platform.inMemory()) {
      PlatformDescription description = platform.describe();

      assertThat(description.profile()).isEqualTo(Profile.MEMORY);
      for (PortName port : PortName.values()) {
        assertThat(description.port(port).provider()).as(port.id()).isEqualTo("memory");
      }
    }
  }

  @Test
  void inMemory_close_isIdempotent() {
    Platform platform = Platform.inMemory();
    platform.close();
    assertThatCode(platform::close).doesNotThrowAnyException();
  }
}
