package dev.plinth.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.error.InvalidKeyException;
import dev.plinth.error.NotFoundException;
import dev.plinth.queue.Backoff;
import dev.plinth.queue.DeadLetter;
import dev.plinth.queue.DeadLetters;
import dev.plinth.queue.Delivery;
import dev.plinth.queue.Message;
import dev.plinth.queue.MessageHandler;
import dev.plinth.queue.MessageQueue;
import dev.plinth.queue.Outcome;
import dev.plinth.queue.QueueCapabilities;
import dev.plinth.queue.SendReceipt;
import dev.plinth.queue.SubscribeOptions;
import dev.plinth.queue.Subscription;
import dev.plinth.telemetry.CorrelationContext;
import dev.plinth.telemetry.Scope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every {@link MessageQueue} provider passes: sending, concurrent consumption, the
 * portable retry/dead-letter state machine (the same attempt sequence on every provider),
 * redelivery after a consumer crash, dead-letter management and the capability-driven features.
 *
 * <p>Subclasses start their backend once per class and return the same queue from {@link #queue()};
 * every test uses fresh random queue names.
 */
public abstract class MessageQueueContract {
  /** A short fixed backoff so retries take milliseconds. */
  protected static final Backoff FAST_BACKOFF = Backoff.fixed(Duration.ofMillis(50));

  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

  /**
   * Returns the queue under test; the same instance for the whole class.
   *
   * @return the message queue
   */
  protected abstract MessageQueue queue();

  /**
   * Returns how long a test waits for a message to arrive.
   *
   * @return the delivery timeout (10 s by default)
   */
  protected Duration deliveryTimeout() {
    return Duration.ofSeconds(10);
  }

  /**
   * Simulates a consumer that dies while its handler runs, so the message is never settled. The
   * default closes the subscription while the handler is blocked; the provider must then return the
   * unsettled message to the queue. Called on a separate thread.
   *
   * @param subscription the subscription whose handler is blocked
   */
  protected void simulateConsumerCrash(Subscription subscription) {
    subscription.close();
  }

  @AfterEach
  void closeSubscriptions() {
    subscriptions.forEach(Subscription::close);
  }

  /** Returns a fresh queue name. */
  String newQueue() {
    return "tck-" + UUID.randomUUID().toString().substring(0, 13);
  }

  SubscribeOptions options(int concurrency, int maxAttempts) {
    return SubscribeOptions.defaults()
        .withConcurrency(concurrency)
        .withMaxAttempts(maxAttempts)
        .withBackoff(FAST_BACKOFF);
  }

  Subscription subscribe(String queue, SubscribeOptions options, MessageHandler handler) {
    Subscription subscription = queue().subscribe(queue, handler, options);
    subscriptions.add(subscription);
    return subscription;
  }

  /** Subscribes with one consumer and 5 attempts, recording every delivery before handling it. */
  Subscription subscribe(String queue, DeliveryRecorder recorder, MessageHandler then) {
    return subscribe(
        queue,
        options(1, 5),
        d -> {
          recorder.record(d);
          return then.handle(d);
        });
  }

  ConditionFactory eventually() {
    return Awaitility.await().atMost(deliveryTimeout()).pollInterval(Duration.ofMillis(20));
  }

  static Message text(String body) {
    return Message.ofText(body);
  }

  boolean supports(String feature) {
    return queue().capabilities().supports(feature);
  }

  /** Sending and the round trip of every message field. */
  @Nested
  class Send {
    @Test
    void send_returnsUniqueReceiptIds() {
      String q = newQueue();
      Set<String> ids =
          IntStream.range(0, 10)
              .mapToObj(i -> queue().send(q, text("m" + i)).messageId())
              .collect(Collectors.toSet());
      assertThat(ids).hasSize(10).allSatisfy(id -> assertThat(id).isNotBlank());
    }

    @Test
    void send_roundTripsBodyContentTypeCorrelationIdAndProperties() {
      String q = newQueue();
      byte[] body = new byte[256];
      for (int i = 0; i < body.length; i++) {
        body[i] = (byte) i;
      }
      Map<String, String> properties = Map.of("tenant", "t-1", "x-kind", "order created");
      SendReceipt receipt =
          queue()
              .send(
                  q,
                  Message.builder(body)
                      .contentType("application/octet-stream")
                      .correlationId("corr-42")
                      .properties(properties)
                      .build());
      DeliveryRecorder recorder = new DeliveryRecorder();
      subscribe(q, recorder, d -> Outcome.ack());
      eventually().until(() -> recorder.count() == 1);

      Delivery delivery = recorder.deliveries().get(0);
      assertThat(delivery.queue()).isEqualTo(q);
      assertThat(delivery.attempt()).isEqualTo(1);
      assertThat(delivery.firstEnqueuedAt()).isNotNull();
      Message received = delivery.message();
      assertThat(received.messageId()).isEqualTo(receipt.messageId());
      assertThat(received.body()).isEqualTo(body);
      assertThat(received.contentType()).isEqualTo("application/octet-stream");
      assertThat(received.correlationId()).isEqualTo("corr-42");
      assertThat(received.properties()).containsAllEntriesOf(properties);
      assertThat(recorder.all().get(0).correlationId()).isEqualTo("corr-42");
    }

    @Test
    void send_withoutCorrelationId_usesTheCurrentOne() {
      String q = newQueue();
      try (Scope ignored = CorrelationContext.open("corr-from-context")) {
        queue().send(q, text("hello"));
      }
      DeliveryRecorder recorder = new DeliveryRecorder();
      subscribe(q, recorder, d -> Outcome.ack());
      eventually().until(() -> recorder.count() == 1);
      assertThat(recorder.deliveries().get(0).message().correlationId())
          .isEqualTo("corr-from-context");
      assertThat(recorder.all().get(0).correlationId()).isEqualTo("corr-from-context");
    }

    @Test
    void sendBatch_hundredMessages_allDelivered() {
      String q = newQueue();
      List<Message> batch = IntStream.range(0, 100).mapToObj(i -> text("batch-" + i)).toList();
      List<SendReceipt> receipts = queue().sendBatch(q, batch);
      assertThat(receipts).hasSize(100);
      assertThat(receipts.stream().map(SendReceipt::messageId).distinct()).hasSize(100);

      DeliveryRecorder recorder = new DeliveryRecorder();
      subscribe(
          q,
          options(4, 5),
          d -> {
            recorder.record(d);
            return Outcome.ack();
          });
      eventually().until(() -> recorder.count() >= 100);
      assertThat(recorder.bodies())
          .containsExactlyInAnyOrderElementsOf(batch.stream().map(Message::bodyAsText).toList());
    }

    @Test
    void sendAsync_completesWithReceipt() throws Exception {
      String q = newQueue();
      SendReceipt receipt =
          queue()
              .sendAsync(q, text("async"))
              .get(deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS);
      DeliveryRecorder recorder = new DeliveryRecorder();
      subscribe(q, recorder, d -> Outcome.ack());
      eventually().until(() -> recorder.count() == 1);
      assertThat(recorder.deliveries().get(0).message().messageId()).isEqualTo(receipt.messageId());
    }
  }

  /** Consumption with parallel handlers. */
  @Nested
  class Consume {
    @Test
    void subscribe_concurrencyFour_runsFourHandlersInParallel() {
      int n = 4;
      String q = newQueue();
      CountDownLatch allRunning = new CountDownLatch(n);
      AtomicInteger sawAllRunning = new AtomicInteger();
      subscribe(
          q,
          options(n, 1),
          d -> {
            allRunning.countDown();
            // Only possible if all n handlers run at the same time.
            if (allRunning.await(deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
              sawAllRunning.incrementAndGet();
            }
            return Outcome.ack();
          });
      for (int i = 0; i < n; i++) {
        queue().send(q, text("parallel-" + i));
      }
      eventually().until(() -> sawAllRunning.get() == n);
    }

    @Test
    void close_isIdempotentAndStopsTheSubscription() {
      String q = newQueue();
      Subscription subscription = subscribe(q, options(1, 1), d -> Outcome.ack());
      assertThat(subscription.queue()).isEqualTo(q);
      assertThat(subscription.isActive()).isTrue();
      subscription.close();
      subscription.close();
      assertThat(subscription.isActive()).isFalse();
    }
  }

  /** The portable retry rules. */
  @Nested
  class Retry {
    @Test
    void handler_failsTwiceThenAcks_attemptsOneToThree() {
      String q = newQueue();
      DeliveryRecorder recorder = new DeliveryRecorder();
      subscribe(q, recorder, d -> d.attempt() < 3 ? Outcome.retry() : Outcome.ack());
      queue().send(q, text("flaky"));
      eventually().until(() -> recorder.count() == 3);
      assertThat(recorder.attempts()).containsExactly(1, 2, 3);
      assertThat(recorder.deliveries()).allSatisfy(d -> assertThat(d.maxAttempts()).isEqualTo(5));
      assertThat(queue().deadLetters(q).count()).isZero();
    }

    @Test
    void handler_throws_isRetried() {
      String q = newQueue();
      DeliveryRecorder recorder = new DeliveryRecorder();
      subscribe(
          q,
          recorder,
          d -> {
            if (d.attempt() == 1) {
              throw new IllegalStateException("transient failure");
            }
            return Outcome.ack();
          });
      queue().send(q, text("throws once"));
      eventually().until(() -> recorder.count() == 2);
      assertThat(recorder.attempts()).containsExactly(1, 2);
      assertThat(recorder.deliveries().get(1).firstEnqueuedAt())
          .isEqualTo(recorder.deliveries().get(0).firstEnqueuedAt());
    }

    @Test
    void retryAfter_delaysTheNextAttemptAtLeastThatLong() {
      String q = newQueue();
      Duration after = Duration.ofMillis(500);
      DeliveryRecorder recorder = new DeliveryRecorder();
      subscribe(q, recorder, d -> d.attempt() == 1 ? Outcome.retry(after) : Outcome.ack());
      queue().send(q, text("later"));
      eventually().until(() -> recorder.count() == 2);
      long gap = recorder.all().get(1).nanoTime() - recorder.all().get(0).nanoTime();
      assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(after);
    }
  }

  /** When messages move to the dead letters, and with what. */
  @Nested
  class DeadLettering {
    @Test
    void handler_alwaysFails_deadLetteredAfterMaxAttempts() {
      String q = newQueue();
      DeliveryRecorder recorder = new DeliveryRecorder();
      subscribe(
          q,
          options(1, 3),
          d -> {
            recorder.record(d);
            throw new IllegalStateException("always fails");
          });
      SendReceipt receipt = queue().send(q, text("poison"));
      eventually().until(() -> queue().deadLetters(q).count() == 1);

      assertThat(recorder.attempts()).containsExactly(1, 2, 3);
      DeadLetter dead = queue().deadLetters(q).list(10).get(0);
      assertThat(dead.queue()).isEqualTo(q);
      assertThat(dead.reason()).isEqualTo(DeadLetter.MAX_ATTEMPTS_EXCEEDED);
      assertThat(dead.attempts()).isEqualTo(3);
      assertThat(dead.lastError()).contains("IllegalStateException").contains("always fails");
      assertThat(dead.description()).contains("3");
      assertThat(dead.firstEnqueuedAt())
          .isEqualTo(recorder.deliveries().get(0).firstEnqueuedAt())
          .isBeforeOrEqualTo(dead.deadLetteredAt());
      assertThat(dead.message().messageId()).isEqualTo(receipt.messageId());
      assertThat(dead.message().bodyAsText()).isEqualTo("poison");
    }

    @Test
    void deadLetterOutcome_movesTheMessageImmediately() {
      String q = newQueue();
      DeliveryRecorder recorder = new DeliveryRecorder();
      subscribe(
          q, recorder, d -> Outcome.deadLetter("invalid-payload", "the body is not an order"));
      queue().send(q, text("not json"));
      eventually().until(() -> queue().deadLetters(q).count() == 1);

      assertThat(recorder.attempts()).containsExactly(1);
      DeadLetter dead = queue().deadLetters(q).list(10).get(0);
      assertThat(dead.reason()).isEqualTo("invalid-payload");
      assertThat(dead.description()).isEqualTo("the body is not an order");
      assertThat(dead.attempts()).isEqualTo(1);
    }

    @Test
    void mixedFailures_followTheGoldenAttemptSequence() {
      String q = newQueue();
      List<String> sequence = new CopyOnWriteArrayList<>();
      subscribe(
          q,
          options(1, 4),
          d -> {
            sequence.add(d.attempt() + "/" + d.maxAttempts() + (d.isLastAttempt() ? " last" : ""));
            return switch (d.attempt()) {
              case 1 -> throw new IllegalArgumentException("first failure");
              case 2 -> Outcome.retry();
              case 3 -> Outcome.retry(Duration.ofMillis(20));
              default -> throw new IllegalStateException("final failure");
            };
          });
      queue().send(q, text("golden"));
      eventually().until(() -> queue().deadLetters(q).count() == 1);

      // Identical on every provider: this list is the portable state machine's signature.
      assertThat(sequence).containsExactly("1/4", "2/4", "3/4", "4/4 last");
      DeadLetter dead = queue().deadLetters(q).list(1).get(0);
      assertThat(dead.reason()).isEqualTo(DeadLetter.MAX_ATTEMPTS_EXCEEDED);
      assertThat(dead.attempts()).isEqualTo(4);
      assertThat(dead.lastError()).contains("IllegalStateException: final failure");
    }
  }

  /** At-least-once: a handler that never settles leads to a redelivery. */
  @Nested
  class Redelivery {
    @Test
    void consumerCrashMidHandler_messageRedeliveredAsAttemptTwo() throws Exception {
      String q = newQueue();
      CountDownLatch firstStarted = new CountDownLatch(1);
      CountDownLatch releaseFirst = new CountDownLatch(1);
      DeliveryRecorder recorder = new DeliveryRecorder();
      MessageHandler handler =
          d -> {
            recorder.record(d);
            if (d.attempt() == 1) {
              firstStarted.countDown();
              releaseFirst.await(deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
            return Outcome.ack();
          };
      Subscription crashing = subscribe(q, options(1, 5), handler);
      queue().send(q, text("survives a crash"));
      assertThat(firstStarted.await(deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS)).isTrue();

      CompletableFuture<Void> crash =
          CompletableFuture.runAsync(() -> simulateConsumerCrash(crashing));
      subscribe(q, options(1, 5), handler);
      eventually().until(() -> recorder.attempts().contains(2));
      releaseFirst.countDown();
      crash.get(deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS);

      assertThat(recorder.attempts()).containsExactly(1, 2);
      assertThat(recorder.deliveries().get(1).message().messageId())
          .isEqualTo(recorder.deliveries().get(0).message().messageId());
      assertThat(queue().deadLetters(q).count()).isZero();
    }
  }

  /** Dead letters are first-class: list, peek, redrive, delete, purge, count. */
  @Nested
  class DeadLetterManagement {
    @Test
    void redrive_returnsTheMessageToItsQueueAsAttemptOne() {
      String q = newQueue();
      AtomicBoolean redriven = new AtomicBoolean();
      DeliveryRecorder afterRedrive = new DeliveryRecorder();
      subscribe(
          q,
          options(1, 5),
          d -> {
            if (!redriven.get()) {
              return d.attempt() < 2 ? Outcome.retry() : Outcome.deadLetter("manual", "stop");
            }
            afterRedrive.record(d);
            return Outcome.ack();
          });
      SendReceipt receipt = queue().send(q, text("redrive me"));
      DeadLetters deadLetters = queue().deadLetters(q);
      eventually().until(() -> deadLetters.count() == 1);

      List<DeadLetter> listed = deadLetters.list(10);
      assertThat(listed).hasSize(1);
      DeadLetter dead = listed.get(0);
      assertThat(dead.id()).isNotBlank();
      assertThat(dead.attempts()).isEqualTo(2);
      assertThat(deadLetters.peek(dead.id()))
          .hasValueSatisfying(
              p -> {
                assertThat(p.reason()).isEqualTo("manual");
                assertThat(p.message().bodyAsText()).isEqualTo("redrive me");
              });

      redriven.set(true);
      deadLetters.redrive(dead.id());
      eventually().until(() -> afterRedrive.count() == 1);
      Delivery again = afterRedrive.deliveries().get(0);
      assertThat(again.attempt()).isEqualTo(1);
      assertThat(again.message().messageId()).isEqualTo(receipt.messageId());
      assertThat(again.message().bodyAsText()).isEqualTo("redrive me");
      assertThat(deadLetters.count()).isZero();
      assertThat(deadLetters.peek(dead.id())).isEmpty();
    }

    @Test
    void redrive_unknownId_throwsNotFound() {
      DeadLetters deadLetters = queue().deadLetters(newQueue());
      assertThatThrownBy(() -> deadLetters.redrive("no-such-dead-letter"))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    void deleteAndPurge_removeDeadLettersAndCountFollows() {
      String q = newQueue();
      subscribe(q, options(1, 5), d -> Outcome.deadLetter("rejected", "test"));
      for (int i = 0; i < 3; i++) {
        queue().send(q, text("dead-" + i));
      }
      DeadLetters deadLetters = queue().deadLetters(q);
      eventually().until(() -> deadLetters.count() == 3);

      assertThat(deadLetters.list(2)).hasSize(2);
      List<DeadLetter> all = deadLetters.list(10);
      assertThat(all).extracting(DeadLetter::id).doesNotHaveDuplicates().hasSize(3);
      assertThat(deadLetters.delete(all.get(0).id())).isTrue();
      assertThat(deadLetters.delete(all.get(0).id())).isFalse();
      assertThat(deadLetters.count()).isEqualTo(2);
      assertThat(deadLetters.purge()).isEqualTo(2);
      assertThat(deadLetters.count()).isZero();
      assertThat(deadLetters.list(10)).isEmpty();
    }
  }

  /** {@link QueueCapabilities#SCHEDULED_DELIVERY}. */
  @Nested
  class Scheduled {
    @Test
    void deliverAt_isNotDeliveredBeforeItsTime() {
      String q = newQueue();
      Instant at = Instant.now().plusSeconds(1);
      Message message =
          Message.builder("later".getBytes(StandardCharsets.UTF_8)).deliverAt(at).build();
      if (!supports(QueueCapabilities.SCHEDULED_DELIVERY)) {
        assertThatThrownBy(() -> queue().send(q, message))
            .isInstanceOf(UnsupportedOperationException.class)
            .hasMessageContaining(QueueCapabilities.SCHEDULED_DELIVERY);
        return;
      }
      List<Instant> arrivals = new CopyOnWriteArrayList<>();
      subscribe(
          q,
          options(1, 5),
          d -> {
            arrivals.add(Instant.now());
            return Outcome.ack();
          });
      queue().send(q, message);
      eventually().until(() -> arrivals.size() == 1);
      // 100 ms tolerance for clock differences between this JVM and a remote broker.
      assertThat(arrivals.get(0)).isAfterOrEqualTo(at.minusMillis(100));
    }
  }

  /** {@link QueueCapabilities#DUPLICATE_DETECTION}. */
  @Nested
  class Duplicates {
    @Test
    void sameMessageIdTwice_deliveredOnceWhenSupported() {
      String q = newQueue();
      queue().send(q, Message.ofText("first").toBuilder().messageId("dup-1").build());
      queue().send(q, Message.ofText("second").toBuilder().messageId("dup-1").build());
      queue().send(q, text("marker"));
      DeliveryRecorder recorder = new DeliveryRecorder();
      subscribe(q, recorder, d -> Outcome.ack());
      if (supports(QueueCapabilities.DUPLICATE_DETECTION)) {
        eventually().until(() -> recorder.bodies().containsAll(List.of("first", "marker")));
        assertThat(recorder.bodies()).doesNotContain("second");
      } else {
        // Without the capability both copies arrive: at-least-once, never silently lost.
        eventually()
            .until(() -> recorder.bodies().containsAll(List.of("first", "second", "marker")));
      }
    }
  }

  /** {@link QueueCapabilities#ORDERING}. */
  @Nested
  class Ordering {
    @Test
    void orderingKey_processesOneAtATimeInOrder() {
      String q = newQueue();
      List<Message> messages =
          IntStream.range(0, 50)
              .mapToObj(
                  i -> Message.ofText(Integer.toString(i)).toBuilder().orderingKey("k-1").build())
              .toList();
      if (!supports(QueueCapabilities.ORDERING)) {
        assertThatThrownBy(() -> queue().send(q, messages.get(0)))
            .isInstanceOf(UnsupportedOperationException.class)
            .hasMessageContaining(QueueCapabilities.ORDERING);
        return;
      }
      queue().sendBatch(q, messages);
      AtomicInteger running = new AtomicInteger();
      AtomicInteger maxRunning = new AtomicInteger();
      List<String> order = new CopyOnWriteArrayList<>();
      subscribe(
          q,
          options(8, 5),
          d -> {
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            order.add(d.message().bodyAsText());
            running.decrementAndGet();
            return Outcome.ack();
          });
      eventually().until(() -> order.size() == 50);
      assertThat(order)
          .containsExactlyElementsOf(IntStream.range(0, 50).mapToObj(Integer::toString).toList());
      assertThat(maxRunning.get()).isEqualTo(1);
    }
  }

  /** Portable naming and size rules. */
  @Nested
  class Validation {
    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "a/b", "ünïcode", "star*"})
    void badQueueName_isRejectedEverywhere(String name) {
      assertThatThrownBy(() -> queue().send(name, text("x")))
          .isInstanceOf(InvalidKeyException.class);
      assertThatThrownBy(() -> queue().subscribe(name, d -> Outcome.ack(), options(1, 1)))
          .isInstanceOf(InvalidKeyException.class);
      assertThatThrownBy(() -> queue().deadLetters(name)).isInstanceOf(InvalidKeyException.class);
    }

    @Test
    void queueName_twoHundredCharsAccepted_twoHundredOneRejected() {
      String max = "q".repeat(200);
      assertThat(queue().send(max, text("x")).messageId()).isNotBlank();
      assertThatThrownBy(() -> queue().send(max + "q", text("x")))
          .isInstanceOf(InvalidKeyException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plinth-attempt", "plinth-anything", "PLINTH-upper"})
    void reservedPropertyName_isRejected(String name) {
      Message message = Message.ofText("x").toBuilder().property(name, "1").build();
      assertThatThrownBy(() -> queue().send(newQueue(), message))
          .isInstanceOf(InvalidKeyException.class)
          .hasMessageContaining(name);
    }

    @Test
    void bodyOverTheDeclaredLimit_isRejectedNamingTheLimit() {
      OptionalLong limit = queue().capabilities().limit(QueueCapabilities.MAX_MESSAGE_BYTES);
      if (limit.isEmpty()) {
        assertThat(queue().send(newQueue(), Message.builder(new byte[64 * 1024]).build()))
            .isNotNull();
        return;
      }
      Message tooBig = Message.builder(new byte[(int) limit.getAsLong() + 1]).build();
      assertThatThrownBy(() -> queue().send(newQueue(), tooBig))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(Long.toString(limit.getAsLong()));
    }

    @Test
    void sendBatch_emptyList_returnsNoReceipts() {
      assertThat(queue().sendBatch(newQueue(), new ArrayList<>())).isEmpty();
    }
  }
}
