package dev.plinth.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.error.NotFoundException;
import dev.plinth.queue.DeadLetter;
import dev.plinth.queue.DeadLetters;
import dev.plinth.queue.Delivery;
import dev.plinth.queue.Outcome;
import dev.plinth.queue.SendReceipt;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Queue contract: dead letters are first-class: list, peek, redrive, delete, purge, count. */
abstract class DeadLetterManagementScenarios extends QueueScenarios {
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
