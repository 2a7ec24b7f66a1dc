package dev.plinth.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.queue.Message;
import dev.plinth.queue.Outcome;
import dev.plinth.queue.QueueCapabilities;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Queue contract: {@link dev.plinth.queue.QueueCapabilities#DUPLICATE_DETECTION}. */
abstract class DuplicateScenarios extends QueueScenarios {
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
      eventually().until(() -> recorder.bodies().containsAll(List.of("first", "second", "marker")));
    }
  }
}
