package dev.plinth.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.queue.Outcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Queue contract: the portable retry rules. */
abstract class RetryScenarios extends QueueScenarios {
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
