package dev.plinth.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.plinth.queue.DeadLetter;
import dev.plinth.queue.Message;
import dev.plinth.spi.queue.DriverDelivery;
import dev.plinth.spi.queue.DriverSubscribeOptions;
import dev.plinth.spi.queue.DriverSubscription;
import dev.plinth.spi.queue.QueueHeaders;
import dev.plinth.tck.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MemoryQueueDriverTest {
  private static final DriverSubscribeOptions ONE = new DriverSubscribeOptions(1, 0, 5);

  private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final MemoryQueueDriver driver =
      new MemoryQueueDriver(Duration.ofMinutes(10), Duration.ofMillis(100), clock);

  @AfterEach
  void close() {
    driver.close();
  }

  private static Message message(String id) {
    return Message.ofText(id).toBuilder().messageId(id).build();
  }

  @Test
  void send_sameIdWithinWindow_isDroppedAfterWindowAccepted() {
    driver.send("q", List.of(message("a"), message("a")));
    assertThat(driver.depth("q")).isEqualTo(1);
    clock.advance(Duration.ofMinutes(11));
    driver.send("q", List.of(message("a")));
    assertThat(driver.depth("q")).isEqualTo(2);
  }

  @Test
  void expiredMessage_isDroppedUndelivered() {
    Message shortLived = message("old").toBuilder().timeToLive(Duration.ofSeconds(1)).build();
    driver.send("q", List.of(shortLived));
    clock.advance(Duration.ofSeconds(2));
    driver.send("q", List.of(message("fresh")));
    List<String> seen = new CopyOnWriteArrayList<>();
    driver.subscribe(
        "q",
        ONE,
        d -> {
          seen.add(d.message().messageId());
          d.ack();
        });
    await().atMost(Duration.ofSeconds(5)).until(() -> seen.contains("fresh"));
    assertThat(seen).containsExactly("fresh");
  }

  @Test
  void listenerThatDoesNotSettle_messageReturnsWithHigherDeliveryCount() {
    driver.send("q", List.of(message("m")));
    List<Integer> counts = new CopyOnWriteArrayList<>();
    driver.subscribe(
        "q",
        ONE,
        d -> {
          counts.add(d.deliveryCount());
          if (d.deliveryCount() > 1) {
            d.ack();
          }
        });
    await().atMost(Duration.ofSeconds(5)).until(() -> counts.size() == 2);
    assertThat(counts).containsExactly(1, 2);
  }

  @Test
  void settleAfterSubscriptionClosed_failsAndMessageIsBackInTheQueue() throws Exception {
    driver.send("q", List.of(message("m")));
    AtomicReference<DriverDelivery> held = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    DriverSubscription subscription =
        driver.subscribe(
            "q",
            ONE,
            d -> {
              held.set(d);
              started.countDown();
              try {
                never.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    subscription.close();
    assertThat(driver.depth("q")).isEqualTo(1);
    assertThatThrownBy(() -> held.get().ack())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no longer held");
  }

  @Test
  void retryLater_replacesTheMessageAndRestartsTheDeliveryCount() {
    driver.send("q", List.of(message("m")));
    List<String> attempts = new CopyOnWriteArrayList<>();
    driver.subscribe(
        "q",
        ONE,
        d -> {
          attempts.add(
              d.message().properties().getOrDefault(QueueHeaders.ATTEMPT, "1")
                  + "@"
                  + d.deliveryCount());
          if (attempts.size() == 1) {
            d.retryLater(
                d.message().toBuilder().property(QueueHeaders.ATTEMPT, "2").build(), Duration.ZERO);
          } else {
            d.ack();
          }
        });
    await().atMost(Duration.ofSeconds(5)).until(() -> attempts.size() == 2);
    assertThat(attempts).containsExactly("1@1", "2@1");
    assertThat(driver.depth("q")).isZero();
  }

  @Test
  void redrive_bypassesDuplicateDetectionAndStripsRetryHeaders() {
    driver.send("q", List.of(message("m").toBuilder().property(QueueHeaders.ATTEMPT, "3").build()));
    List<Message> seen = new CopyOnWriteArrayList<>();
    driver.subscribe(
        "q",
        ONE,
        d -> {
          seen.add(d.message());
          if (seen.size() == 1) {
            d.deadLetter(
                new DeadLetter(
                    null, "q", d.message(), "r", "d", "err", 3, Instant.EPOCH, clock.instant()));
          } else {
            d.ack();
          }
        });
    await().atMost(Duration.ofSeconds(5)).until(() -> driver.deadLetters("q").count() == 1);
    DeadLetter dead = driver.deadLetters("q").list(1).get(0);
    assertThat(dead.lastError()).isEqualTo("err");
    assertThat(dead.deadLetteredAt()).isEqualTo(clock.instant());
    driver.deadLetters("q").redrive(dead.id());
    await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2);
    assertThat(seen.get(1).messageId()).isEqualTo("m");
    assertThat(seen.get(1).properties()).doesNotContainKey(QueueHeaders.ATTEMPT);
  }

  @Test
  void health_isUpWithCounts() {
    driver.send("q", List.of(message("m")));
    assertThat(driver.health().data()).containsEntry("queues", 1);
    assertThat(driver.nativeClient()).isSameAs(driver);
  }
}
