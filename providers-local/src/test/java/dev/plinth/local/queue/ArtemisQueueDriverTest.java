package dev.plinth.local.queue;

import static dev.plinth.local.queue.TestContexts.queueContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.plinth.Health;
import dev.plinth.error.NotFoundException;
import dev.plinth.queue.DeadLetter;
import dev.plinth.queue.DeadLetters;
import dev.plinth.queue.Message;
import dev.plinth.queue.QueueCapabilities;
import dev.plinth.queue.SendReceipt;
import dev.plinth.spi.queue.DriverSubscribeOptions;
import dev.plinth.spi.queue.DriverSubscription;
import dev.plinth.spi.queue.QueueHeaders;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Driver-level behaviour against one embedded broker, started once for the class. */
class ArtemisQueueDriverTest {
  private static final DriverSubscribeOptions ONE = new DriverSubscribeOptions(1, 4, 5);

  @TempDir static Path dataDir;
  private static ArtemisQueueDriver driver;

  @BeforeAll
  static void startBroker() {
    driver =
        (ArtemisQueueDriver)
            new ArtemisQueueProvider()
                .create(queueContext(Map.of("plinth.queue.artemis.data-dir", dataDir.toString())));
  }

  @AfterAll
  static void stopBroker() {
    driver.close();
  }

  private static String queue() {
    return "q-" + UUID.randomUUID();
  }

  private static Message message(String text) {
    return Message.builder(text.getBytes())
        .messageId(UUID.randomUUID().toString())
        .property(QueueHeaders.ATTEMPT, "1")
        .build();
  }

  @Test
  void send_allFields_arriveUnchanged() {
    String queue = queue();
    Message sent =
        Message.builder(new byte[] {0, 1, 2, (byte) 255})
            .messageId("id-1")
            .contentType("application/octet-stream")
            .correlationId("corr-1")
            .property("plinth-attempt", "1")
            .property("traceparent", "00-abc-def-01")
            .property("x.custom_name", "value with 'quotes'")
            .timeToLive(Duration.ofHours(1))
            .orderingKey("order-7")
            .build();
    RecordingListener listener = new RecordingListener();

    assertThat(driver.send(queue, List.of(sent))).containsExactly(new SendReceipt("id-1"));
    try (DriverSubscription ignored = driver.subscribe(queue, ONE, listener)) {
      await().until(() -> listener.seen().size() == 1);
    }

    assertThat(listener.seen().get(0).message()).isEqualTo(sent);
    assertThat(listener.seen().get(0).deliveryCount()).isEqualTo(1);
  }

  @Test
  void ack_settledMessage_isRemoved() {
    String queue = queue();
    RecordingListener listener = new RecordingListener();
    driver.send(queue, List.of(message("a"), message("b")));

    try (DriverSubscription ignored = driver.subscribe(queue, ONE, listener)) {
      await().until(() -> listener.seen().size() == 2);
      await().until(() -> driver.embeddedBroker().messageCount(queue) == 0);
    }
  }

  @Test
  void abandon_message_isRedeliveredWithHigherDeliveryCount() {
    String queue = queue();
    AtomicInteger calls = new AtomicInteger();
    RecordingListener listener =
        new RecordingListener()
            .settleWith(
                d -> {
                  if (calls.incrementAndGet() == 1) {
                    d.abandon();
                  } else {
                    d.ack();
                  }
                });
    driver.send(queue, List.of(message("again")));

    try (DriverSubscription ignored = driver.subscribe(queue, ONE, listener)) {
      await().until(() -> listener.seen().size() == 2);
    }

    assertThat(listener.seen())
        .extracting(RecordingListener.Seen::deliveryCount)
        .containsExactly(1, 2);
  }

  @Test
  void listener_returnsWithoutSettling_messageIsRedelivered() {
    String queue = queue();
    AtomicInteger calls = new AtomicInteger();
    RecordingListener listener =
        new RecordingListener()
            .settleWith(
                d -> {
                  if (calls.incrementAndGet() > 1) {
                    d.ack();
                  }
                });
    driver.send(queue, List.of(message("forgotten")));

    try (DriverSubscription ignored = driver.subscribe(queue, ONE, listener)) {
      await().until(() -> listener.seen().size() == 2);
    }
  }

  @Test
  void retryLater_replacesTheMessageWithoutDuplicating() {
    String queue = queue();
    RecordingListener listener =
        new RecordingListener()
            .settleWith(
                d -> {
                  if ("1".equals(d.message().properties().get(QueueHeaders.ATTEMPT))) {
                    Message next =
                        d.message().toBuilder().property(QueueHeaders.ATTEMPT, "2").build();
                    d.retryLater(next, Duration.ofMillis(700));
                  } else {
                    d.ack();
                  }
                });
    Message sent = message("retry me");
    driver.send(queue, List.of(sent));

    try (DriverSubscription ignored = driver.subscribe(queue, ONE, listener)) {
      await().until(() -> listener.seen().size() == 1);
      await().until(() -> driver.embeddedBroker().messageCount(queue) == 1);
      await().until(() -> listener.seen().size() == 2);
      await().until(() -> driver.embeddedBroker().messageCount(queue) == 0);
    }

    RecordingListener.Seen first = listener.seen().get(0);
    RecordingListener.Seen retried = listener.seen().get(1);
    assertThat(retried.message().messageId()).isEqualTo(sent.messageId());
    assertThat(retried.message().properties()).containsEntry(QueueHeaders.ATTEMPT, "2");
    assertThat(retried.deliveryCount()).isEqualTo(1);
    assertThat(Duration.between(first.receivedAt(), retried.receivedAt()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(600));
    assertThat(listener.seen()).hasSize(2);
  }

  @Test
  void send_deliverAt_isNotDeliveredBeforeThatTime() {
    String queue = queue();
    RecordingListener listener = new RecordingListener();
    Instant deliverAt = Instant.now().plusMillis(800);
    driver.send(queue, List.of(message("later").toBuilder().deliverAt(deliverAt).build()));

    try (DriverSubscription ignored = driver.subscribe(queue, ONE, listener)) {
      await().until(() -> listener.seen().size() == 1);
    }

    assertThat(listener.seen().get(0).receivedAt()).isAfterOrEqualTo(deliverAt.minusMillis(50));
  }

  @Test
  void send_sameIdTwice_isDeliveredOnce() {
    String queue = queue();
    Message m = message("once");
    Message marker = message("marker");
    driver.send(queue, List.of(m));
    driver.send(queue, List.of(m));
    driver.send(queue, List.of(m, marker));
    RecordingListener listener = new RecordingListener();

    try (DriverSubscription ignored = driver.subscribe(queue, ONE, listener)) {
      await().until(() -> listener.seen().size() >= 2);
      await().until(() -> driver.embeddedBroker().messageCount(queue) == 0);
    }

    assertThat(listener.seen())
        .extracting(s -> s.message().bodyAsText())
        .containsExactly("once", "marker");
  }

  @Test
  void sendAsync_completesOnceTheBrokerHasTheMessage() {
    String queue = queue();
    Message m = message("async");

    SendReceipt receipt = driver.sendAsync(queue, m).join();

    assertThat(receipt.messageId()).isEqualTo(m.messageId());
    await().until(() -> driver.embeddedBroker().messageCount(queue) == 1);
  }

  @Test
  void deadLetter_storesTheRecordWithReasonProperties() {
    String queue = queue();
    Message sent = message("poison");
    RecordingListener listener =
        new RecordingListener()
            .settleWith(
                d ->
                    d.deadLetter(
                        new DeadLetter(
                            null,
                            queue,
                            d.message(),
                            "bad-input",
                            "cannot parse",
                            "IllegalStateException: boom",
                            3,
                            Instant.parse("2024-01-01T00:00:00Z"),
                            Instant.parse("2024-01-01T00:01:00Z"))));
    driver.send(queue, List.of(sent));

    try (DriverSubscription ignored = driver.subscribe(queue, ONE, listener)) {
      await().until(() -> driver.deadLetters(queue).count() == 1);
    }

    DeadLetter stored = driver.deadLetters(queue).peek(sent.messageId()).orElseThrow();
    assertThat(stored.id()).isEqualTo(sent.messageId());
    assertThat(stored.reason()).isEqualTo("bad-input");
    assertThat(stored.description()).isEqualTo("cannot parse");
    assertThat(stored.lastError()).isEqualTo("IllegalStateException: boom");
    assertThat(stored.attempts()).isEqualTo(3);
    assertThat(stored.firstEnqueuedAt()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(stored.message().bodyAsText()).isEqualTo("poison");
    await().until(() -> driver.embeddedBroker().messageCount(queue) == 0);
  }

  @Test
  void deadLetters_redrive_sendsAFreshMessageAndRemovesTheDeadLetter() {
    String queue = queue();
    Message sent = message("redrive me");
    deadLetterDirectly(queue, sent);
    DeadLetters deadLetters = driver.deadLetters(queue);

    deadLetters.redrive(sent.messageId());

    assertThat(deadLetters.count()).isZero();
    RecordingListener listener = new RecordingListener();
    try (DriverSubscription ignored = driver.subscribe(queue, ONE, listener)) {
      await().until(() -> listener.seen().size() == 1);
    }
    Message redriven = listener.seen().get(0).message();
    assertThat(redriven.messageId()).isEqualTo(sent.messageId());
    assertThat(redriven.properties())
        .doesNotContainKeys(QueueHeaders.ATTEMPT, QueueHeaders.DL_REASON);
  }

  @Test
  void deadLetters_listDeletePurge_workOnTheDeadLetterQueue() {
    String queue = queue();
    Message a = message("a");
    Message b = message("b");
    Message c = message("c");
    for (Message m : List.of(a, b, c)) {
      deadLetterDirectly(queue, m);
    }
    DeadLetters deadLetters = driver.deadLetters(queue);

    assertThat(deadLetters.list(2))
        .extracting(DeadLetter::id)
        .containsExactly(a.messageId(), b.messageId());
    assertThat(deadLetters.delete(b.messageId())).isTrue();
    assertThat(deadLetters.delete(b.messageId())).isFalse();
    assertThat(deadLetters.peek(b.messageId())).isEmpty();
    assertThat(deadLetters.count()).isEqualTo(2);
    assertThat(deadLetters.purge()).isEqualTo(2);
    assertThat(deadLetters.count()).isZero();
    assertThatThrownBy(() -> deadLetters.redrive(a.messageId()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void deadLetters_unknownQueue_isEmpty() {
    DeadLetters deadLetters = driver.deadLetters(queue());

    assertThat(deadLetters.list(10)).isEmpty();
    assertThat(deadLetters.count()).isZero();
    assertThat(deadLetters.purge()).isZero();
  }

  @Test
  void subscribe_concurrency_usesSeveralThreads() {
    String queue = queue();
    List<Message> batch =
        java.util.stream.IntStream.range(0, 20).mapToObj(i -> message("m" + i)).toList();
    java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    RecordingListener listener =
        new RecordingListener()
            .settleWith(
                d -> {
                  threads.add(Thread.currentThread().getName());
                  d.ack();
                });
    driver.send(queue, batch);

    try (DriverSubscription ignored =
        driver.subscribe(queue, new DriverSubscribeOptions(3, 0, 5), listener)) {
      await().until(() -> listener.seen().size() == 20);
    }

    assertThat(threads).isNotEmpty().allMatch(t -> t.startsWith("plinth-artemis-" + queue));
    assertThat(listener.seen()).extracting(s -> s.message().messageId()).doesNotHaveDuplicates();
  }

  @Test
  void subscribe_sameOrderingKey_isHandledInSendOrderDespiteConcurrency() {
    String queue = queue();
    List<Message> batch =
        java.util.stream.IntStream.range(0, 15)
            .mapToObj(i -> message("m" + i).toBuilder().orderingKey("customer-1").build())
            .toList();
    RecordingListener listener = new RecordingListener();
    driver.send(queue, batch);

    try (DriverSubscription ignored =
        driver.subscribe(queue, new DriverSubscribeOptions(3, 2, 5), listener)) {
      await().until(() -> listener.seen().size() == 15);
    }

    assertThat(listener.seen())
        .extracting(s -> s.message().bodyAsText())
        .containsExactlyElementsOf(batch.stream().map(Message::bodyAsText).toList());
  }

  @Test
  void send_largeBody_roundTripsThroughDeliveryAndDeadLetters() {
    String queue = queue();
    byte[] body = new byte[3 * 1024 * 1024];
    new java.util.Random(7).nextBytes(body);
    Message sent = Message.builder(body).messageId(UUID.randomUUID().toString()).build();

    deadLetterDirectly(queue, sent);

    DeadLetter stored = driver.deadLetters(queue).peek(sent.messageId()).orElseThrow();
    assertThat(stored.message().body()).isEqualTo(body);
  }

  @Test
  void health_runningBroker_isUpWithQueueCount() {
    Health health = driver.health();

    assertThat(health.state()).isEqualTo(Health.State.UP);
    assertThat(health.data()).containsEntry("mode", "embedded").containsKey("queues");
  }

  @Test
  void capabilities_declareArtemisFeaturesAndSizeLimit() {
    var caps = driver.capabilities();

    assertThat(caps.features())
        .contains(
            QueueCapabilities.SCHEDULED_DELIVERY,
            QueueCapabilities.ORDERING,
            QueueCapabilities.DUPLICATE_DETECTION,
            QueueCapabilities.DURABLE);
    assertThat(caps.limit(QueueCapabilities.MAX_MESSAGE_BYTES)).hasValue(10L * 1024 * 1024);
    assertThat(driver.nativeClient()).isInstanceOf(jakarta.jms.ConnectionFactory.class);
  }

  private static void deadLetterDirectly(String queue, Message m) {
    RecordingListener listener =
        new RecordingListener()
            .settleWith(
                d ->
                    d.deadLetter(
                        new DeadLetter(
                            null, queue, d.message(), "test", "", null, 1, null, Instant.now())));
    long before = driver.deadLetters(queue).count();
    driver.send(queue, List.of(m));
    try (DriverSubscription ignored = driver.subscribe(queue, ONE, listener)) {
      await().until(() -> driver.deadLetters(queue).count() == before + 1);
    }
  }
}
