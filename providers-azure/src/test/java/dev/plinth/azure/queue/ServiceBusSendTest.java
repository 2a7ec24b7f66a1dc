package dev.plinth.azure.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.core.amqp.exception.AmqpErrorCondition;
import com.azure.messaging.servicebus.ServiceBusErrorSource;
import com.azure.messaging.servicebus.ServiceBusMessage;
import dev.plinth.error.NotFoundException;
import dev.plinth.error.PayloadTooLargeException;
import dev.plinth.queue.Message;
import dev.plinth.queue.QueueCapabilities;
import dev.plinth.queue.SendReceipt;
import dev.plinth.telemetry.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class ServiceBusSendTest {
  private final ServiceBusGateway gateway = mock(ServiceBusGateway.class);
  private final QueueSender sender = mock(QueueSender.class);
  private final List<ServiceBusFakes.FakeBatch> batches = new ArrayList<>();

  private ServiceBusQueueDriver driver(Map<String, String> settings, int batchCapacity) {
    when(gateway.sender(any())).thenReturn(sender);
    when(sender.createBatch())
        .thenAnswer(
            i -> {
              var b = new ServiceBusFakes.FakeBatch(batchCapacity, 1024);
              batches.add(b);
              return b;
            });
    return new ServiceBusQueueDriver(
        ServiceBusFakes.settings(settings), gateway, Telemetry.noop(), Clock.systemUTC());
  }

  private static Message message(String id) {
    return Message.ofText("body-" + id).toBuilder().messageId(id).build();
  }

  @Test
  void send_mapsEveryField() {
    ServiceBusQueueDriver driver = driver(Map.of(), 100);
    Instant at = Instant.parse("2030-01-01T00:00:00Z");
    Message m =
        Message.ofText("hi").toBuilder()
            .messageId("id-1")
            .correlationId("c-1")
            .contentType("application/json")
            .property("tenant", "t1")
            .deliverAt(at)
            .timeToLive(Duration.ofMinutes(5))
            .build();

    List<SendReceipt> receipts = driver.send("orders", List.of(m));

    assertThat(receipts).extracting(SendReceipt::messageId).containsExactly("id-1");
    ServiceBusMessage sent = batches.get(0).messages.get(0);
    assertThat(sent.getMessageId()).isEqualTo("id-1");
    assertThat(sent.getCorrelationId()).isEqualTo("c-1");
    assertThat(sent.getContentType()).isEqualTo("application/json");
    assertThat(sent.getApplicationProperties()).containsEntry("tenant", "t1");
    assertThat(sent.getScheduledEnqueueTime()).isEqualTo(OffsetDateTime.parse("2030-01-01T00:00Z"));
    assertThat(sent.getTimeToLive()).isEqualTo(Duration.ofMinutes(5));
    assertThat(sent.getSessionId()).isNull();
    assertThat(sent.getBody().toString()).isEqualTo("hi");
  }

  @Test
  void send_fullBatch_isSplitInOrder() {
    ServiceBusQueueDriver driver = driver(Map.of(), 4);
    List<Message> messages = IntStream.range(0, 10).mapToObj(i -> message("m" + i)).toList();

    List<SendReceipt> receipts = driver.send("orders", messages);

    assertThat(receipts).hasSize(10);
    verify(sender, times(3)).send(any());
    assertThat(batches).hasSize(3);
    assertThat(batches.get(0).messages).hasSize(4);
    assertThat(batches.get(2).messages)
        .extracting(ServiceBusMessage::getMessageId)
        .containsExactly("m8", "m9");
  }

  @Test
  void send_messageLargerThanABatch_isPayloadTooLarge() {
    ServiceBusQueueDriver driver = driver(Map.of(), 4);
    Message big = Message.builder(new byte[2048]).messageId("big").build();
    assertThatThrownBy(() -> driver.send("orders", List.of(message("a"), big)))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessageContaining("big")
        .hasMessageContaining("262144");
  }

  @Test
  void send_reusesOneSenderPerQueue() {
    ServiceBusQueueDriver driver = driver(Map.of(), 10);
    driver.send("orders", List.of(message("a")));
    driver.send("orders", List.of(message("b")));
    driver.send("audit", List.of(message("c")));
    verify(gateway, times(1)).sender("orders");
    verify(gateway, times(1)).sender("audit");
    driver.close();
    verify(sender, times(2)).close();
    verify(gateway).close();
  }

  @Test
  void send_missingQueue_isNotFoundWithAHint() {
    ServiceBusQueueDriver driver = driver(Map.of(), 10);
    doThrow(
            ServiceBusErrorsTest.serviceBus(
                AmqpErrorCondition.NOT_FOUND, ServiceBusErrorSource.SEND))
        .when(sender)
        .send(any());
    assertThatThrownBy(() -> driver.send("orders", List.of(message("a"))))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("'orders'");
  }

  @Test
  void send_orderingKeyOnAPlainQueue_isUnsupported() {
    ServiceBusQueueDriver driver = driver(Map.of(), 10);
    Message keyed = message("a").toBuilder().orderingKey("k").build();
    assertThatThrownBy(() -> driver.send("orders", List.of(keyed)))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining(QueueCapabilities.ORDERING)
        .hasMessageContaining("session-queues");
    assertThat(driver.capabilities().supports(QueueCapabilities.ORDERING)).isFalse();
  }

  @Test
  void send_sessionQueue_orderingKeyBecomesTheSessionId() {
    ServiceBusQueueDriver driver =
        driver(Map.of("plinth.queue.azure-servicebus.session-queues", "orders"), 10);
    driver.send("orders", List.of(message("a").toBuilder().orderingKey("k").build(), message("b")));
    assertThat(batches.get(0).messages)
        .extracting(ServiceBusMessage::getSessionId)
        .containsExactly("k", "b");
    assertThat(driver.capabilities().supports(QueueCapabilities.ORDERING)).isTrue();
  }

  @Test
  void sendAsync_completesWithTheReceipt() throws Exception {
    ServiceBusQueueDriver driver = driver(Map.of(), 10);
    when(sender.sendAsync(any())).thenReturn(CompletableFuture.completedFuture(null));
    assertThat(driver.sendAsync("orders", message("a")).get().messageId()).isEqualTo("a");
    ArgumentCaptor<ServiceBusMessage> sent = ArgumentCaptor.forClass(ServiceBusMessage.class);
    verify(sender).sendAsync(sent.capture());
    assertThat(sent.getValue().getMessageId()).isEqualTo("a");
  }

  @Test
  void sendAsync_failure_completesWithAPlinthException() {
    ServiceBusQueueDriver driver = driver(Map.of(), 10);
    when(sender.sendAsync(any()))
        .thenReturn(
            CompletableFuture.failedFuture(
                ServiceBusErrorsTest.serviceBus(
                    AmqpErrorCondition.NOT_FOUND, ServiceBusErrorSource.SEND)));
    CompletableFuture<SendReceipt> future = driver.sendAsync("orders", message("a"));
    assertThatThrownBy(future::get)
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(NotFoundException.class);
  }

  @Test
  void send_autoCreate_ensuresEachQueueOnce() {
    ServiceBusQueueDriver driver =
        driver(
            Map.of(
                "plinth.queue.azure-servicebus.auto-create-queues", "true",
                "plinth.queue.azure-servicebus.session-queues", "orders"),
            10);
    driver.send("orders", List.of(message("a")));
    driver.send("orders", List.of(message("b")));
    verify(gateway, times(1))
        .ensureQueue(
            eq("orders"),
            eq(
                new ServiceBusGateway.QueueSpec(
                    true, true, QueueProvisioner.CREATED_MAX_DELIVERY_COUNT)));
  }

  @Test
  void send_withoutAutoCreate_neverTouchesTheAdministrationApi() {
    ServiceBusQueueDriver driver = driver(Map.of(), 10);
    driver.send("orders", List.of(message("a")));
    verify(gateway, never()).ensureQueue(any(), any());
  }

  @Test
  void capabilities_declareTheServiceBusFeaturesAndLimit() {
    ServiceBusQueueDriver driver = driver(Map.of(), 10);
    var caps = driver.capabilities();
    assertThat(caps.features())
        .contains(
            QueueCapabilities.SCHEDULED_DELIVERY,
            QueueCapabilities.DURABLE,
            QueueCapabilities.DUPLICATE_DETECTION);
    assertThat(caps.limit(QueueCapabilities.MAX_MESSAGE_BYTES)).hasValue(256L * 1024);
  }
}
