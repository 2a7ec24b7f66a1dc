package dev.plinth.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.error.InvalidKeyException;
import dev.plinth.error.PayloadTooLargeException;
import dev.plinth.queue.Message;
import dev.plinth.queue.Outcome;
import dev.plinth.queue.QueueCapabilities;
import java.util.ArrayList;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Queue contract: portable naming and size rules. */
abstract class ValidationScenarios extends QueueScenarios {
  @ParameterizedTest
  @ValueSource(strings = {"", "has space", "a/b", "ünïcode", "star*"})
  void badQueueName_isRejectedEverywhere(String name) {
    assertThatThrownBy(() -> queue().send(name, text("x"))).isInstanceOf(InvalidKeyException.class);
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
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessageContaining(Long.toString(limit.getAsLong()));
  }

  @Test
  void sendBatch_emptyList_returnsNoReceipts() {
    assertThat(queue().sendBatch(newQueue(), new ArrayList<>())).isEmpty();
  }
}
