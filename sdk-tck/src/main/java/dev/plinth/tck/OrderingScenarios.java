package dev.plinth.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.queue.Message;
import dev.plinth.queue.Outcome;
import dev.plinth.queue.QueueCapabilities;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Queue contract: {@link dev.plinth.queue.QueueCapabilities#ORDERING}. */
abstract class OrderingScenarios extends QueueScenarios {
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
