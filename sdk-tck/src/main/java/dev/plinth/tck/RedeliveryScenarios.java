package dev.plinth.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.queue.MessageHandler;
import dev.plinth.queue.Outcome;
import dev.plinth.queue.Subscription;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Queue contract: at-least-once: a handler that never settles leads to a redelivery. */
abstract class RedeliveryScenarios extends QueueScenarios {
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
        CompletableFuture.runAsync(() -> contract().simulateConsumerCrash(crashing));
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
