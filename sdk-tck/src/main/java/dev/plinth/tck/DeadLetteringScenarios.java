package dev.plinth.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.queue.DeadLetter;
import dev.plinth.queue.Outcome;
import dev.plinth.queue.SendReceipt;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Queue contract: when messages move to the dead letters, and with what. */
abstract class DeadLetteringScenarios extends QueueScenarios {
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
    subscribe(q, recorder, d -> Outcome.deadLetter("invalid-payload", "the body is not an order"));
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
