package dev.plinth.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.queue.Delivery;
import dev.plinth.queue.Message;
import dev.plinth.queue.Outcome;
import dev.plinth.queue.SendReceipt;
import dev.plinth.telemetry.CorrelationContext;
import dev.plinth.telemetry.Scope;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Queue contract: sending and the round trip of every message field. */
abstract class SendScenarios extends QueueScenarios {
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
  @SuppressWarnings("try") // scopes are closed, not used
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
