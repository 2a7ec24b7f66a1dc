package dev.plinth.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.queue.Message;
import dev.plinth.queue.Outcome;
import dev.plinth.queue.QueueCapabilities;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Queue contract: {@link dev.plinth.queue.QueueCapabilities#SCHEDULED_DELIVERY}. */
abstract class ScheduledScenarios extends QueueScenarios {
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
