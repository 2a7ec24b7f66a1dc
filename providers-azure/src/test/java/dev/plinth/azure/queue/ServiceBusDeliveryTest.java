package dev.plinth.azure.queue;

import static dev.plinth.azure.queue.ServiceBusFakes.inbound;
import static dev.plinth.azure.queue.ServiceBusFakes.locked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.core.amqp.exception.AmqpErrorCondition;
import com.azure.messaging.servicebus.ServiceBusErrorSource;
import com.azure.messaging.servicebus.ServiceBusMessage;
import com.azure.messaging.servicebus.models.DeadLetterOptions;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.queue.DeadLetter;
import dev.plinth.queue.Message;
import dev.plinth.spi.queue.QueueHeaders;
import dev.plinth.telemetry.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

class ServiceBusDeliveryTest {
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:10Z");

  private final ServiceBusGateway gateway = mock(ServiceBusGateway.class);
  private final QueueSender sender = mock(QueueSender.class);
  private final Telemetry telemetry = mock(Telemetry.class);
  private ServiceBusPublisher publisher;

  @BeforeEach
  void setUp() {
    when(gateway.sender("orders")).thenReturn(sender);
    ServiceBusSettings settings = ServiceBusFakes.settings(Map.of());
    publisher = new ServiceBusPublisher(gateway, settings, new QueueProvisioner(gateway, settings));
  }

  private ServiceBusDelivery delivery(LockedMessage locked) {
    return new ServiceBusDelivery(
        "orders",
        locked,
        publisher,
        new SettlementEvents(telemetry),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static LockedMessage firstDelivery() {
    return locked(inbound("m-1", "hello", Map.of(QueueHeaders.ATTEMPT, "1", "tenant", "t1"), 0));
  }

  @Test
  void deliveryCount_isTheSdkCountPlusOne() {
    assertThat(delivery(locked(inbound("m", "b", Map.of(), 0))).deliveryCount()).isEqualTo(1);
    assertThat(delivery(locked(inbound("m", "b", Map.of(), 3))).deliveryCount()).isEqualTo(4);
  }

  @Test
  void messageAndEnqueuedAt_comeFromTheReceivedMessage() {
    ServiceBusDelivery d = delivery(firstDelivery());
    assertThat(d.message().messageId()).isEqualTo("m-1");
    assertThat(d.message().bodyAsText()).isEqualTo("hello");
    assertThat(d.message().properties()).containsEntry("tenant", "t1");
    assertThat(d.enqueuedAt()).isEqualTo(ServiceBusFakes.ENQUEUED.toInstant());
  }

  @Test
  void ack_completes() {
    LockedMessage locked = firstDelivery();
    delivery(locked).ack();
    verify(locked).complete();
  }

  @Test
  void ack_twice_isRefused() {
    ServiceBusDelivery d = delivery(firstDelivery());
    d.ack();
    assertThatThrownBy(d::ack).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void abandon_abandons() {
    LockedMessage locked = firstDelivery();
    delivery(locked).abandon();
    verify(locked).abandon();
  }

  @Test
  void retryLater_schedulesTheNextAttemptThenCompletes() {
    LockedMessage locked = firstDelivery();
    when(sender.schedule(any(), any())).thenReturn(77L);
    ServiceBusDelivery d = delivery(locked);
    Message next = d.message().toBuilder().property(QueueHeaders.ATTEMPT, "2").build();

    d.retryLater(next, Duration.ofSeconds(30));

    InOrder order = inOrder(sender, locked);
    ArgumentCaptor<ServiceBusMessage> sent = ArgumentCaptor.forClass(ServiceBusMessage.class);
    order.verify(sender).schedule(sent.capture(), eq(OffsetDateTime.parse("2024-05-01T12:00:40Z")));
    order.verify(locked).complete();
    ServiceBusMessage scheduled = sent.getValue();
    assertThat(scheduled.getApplicationProperties())
        .containsEntry(QueueHeaders.ATTEMPT, "2")
        .containsEntry(ServiceBusMessages.PLINTH_MESSAGE_ID, "m-1")
        .containsEntry("tenant", "t1");
    // A fresh Service Bus id: duplicate detection must not drop the retry.
    assertThat(scheduled.getMessageId()).isNotEqualTo("m-1");
    verify(sender, never()).cancelScheduled(anyLong());
  }

  @Test
  void retryLater_completeFails_cancelsTheScheduledRetry() {
    LockedMessage locked = firstDelivery();
    when(sender.schedule(any(), any())).thenReturn(77L);
    doThrow(new IllegalStateException("link closed")).when(locked).complete();
    ServiceBusDelivery d = delivery(locked);

    assertThatThrownBy(() -> d.retryLater(d.message(), Duration.ZERO))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("link closed");
    verify(sender).cancelScheduled(77L);
  }

  @Test
  void retryLater_lockLost_cancelsAndReportsLockLost() {
    LockedMessage locked = firstDelivery();
    when(sender.schedule(any(), any())).thenReturn(5L);
    doThrow(
            ServiceBusErrorsTest.serviceBus(
                AmqpErrorCondition.MESSAGE_LOCK_LOST, ServiceBusErrorSource.COMPLETE))
        .when(locked)
        .complete();
    ServiceBusDelivery d = delivery(locked);

    assertThatThrownBy(() -> d.retryLater(d.message(), Duration.ZERO))
        .isInstanceOf(MessageLockLostException.class);
    verify(sender).cancelScheduled(5L);
    verify(telemetry).event(eq(SettlementEvents.LOCK_LOST), anyMap());
  }

  @Test
  void retryLater_completeAndCancelFail_reportsTheDuplicate() {
    LockedMessage locked = firstDelivery();
    when(sender.schedule(any(), any())).thenReturn(9L);
    doThrow(new IllegalStateException("gone")).when(locked).complete();
    doThrow(new IllegalStateException("also gone")).when(sender).cancelScheduled(9L);
    ServiceBusDelivery d = delivery(locked);

    assertThatThrownBy(() -> d.retryLater(d.message(), Duration.ZERO))
        .isInstanceOf(ProviderUnavailableException.class);
    @SuppressWarnings("unchecked")
    ArgumentCaptor<Map<String, Object>> attributes = ArgumentCaptor.forClass(Map.class);
    verify(telemetry).event(eq(SettlementEvents.DUPLICATE_RETRY), attributes.capture());
    assertThat(attributes.getValue())
        .containsEntry("scheduledSequenceNumber", 9L)
        .containsEntry("messageId", "m-1");
  }

  @Test
  void retryLater_scheduleFails_abandonsAndDoesNotComplete() {
    LockedMessage locked = firstDelivery();
    when(sender.schedule(any(), any())).thenThrow(new IllegalStateException("busy"));
    ServiceBusDelivery d = delivery(locked);

    assertThatThrownBy(() -> d.retryLater(d.message(), Duration.ZERO))
        .isInstanceOf(ProviderUnavailableException.class);
    verify(locked).abandon();
    verify(locked, never()).complete();
  }

  @Test
  void deadLetter_passesReasonDescriptionAndProperties() {
    LockedMessage locked = firstDelivery();
    ServiceBusDelivery d = delivery(locked);
    DeadLetter record =
        new DeadLetter(
            null,
            "orders",
            d.message(),
            "invalid-payload",
            "bad json",
            "java.lang.Error: x",
            3,
            Instant.parse("2024-05-01T11:00:00Z"),
            NOW);

    d.deadLetter(record);

    ArgumentCaptor<DeadLetterOptions> options = ArgumentCaptor.forClass(DeadLetterOptions.class);
    verify(locked).deadLetter(options.capture());
    assertThat(options.getValue().getDeadLetterReason()).isEqualTo("invalid-payload");
    assertThat(options.getValue().getDeadLetterErrorDescription()).isEqualTo("bad json");
    assertThat(options.getValue().getPropertiesToModify())
        .containsEntry(QueueHeaders.DL_REASON, "invalid-payload")
        .containsEntry(QueueHeaders.DL_ATTEMPTS, "3")
        .containsEntry(QueueHeaders.DL_SOURCE_QUEUE, "orders")
        .containsEntry(QueueHeaders.LAST_ERROR, "java.lang.Error: x")
        .containsEntry(QueueHeaders.FIRST_ENQUEUED, "2024-05-01T11:00:00Z");
  }

  @Test
  void deadLetter_longDescription_isTruncatedToTheServiceBusLimit() {
    LockedMessage locked = firstDelivery();
    ServiceBusDelivery d = delivery(locked);
    d.deadLetter(
        new DeadLetter(null, "orders", d.message(), "r", "x".repeat(10_000), null, 1, null, NOW));
    ArgumentCaptor<DeadLetterOptions> options = ArgumentCaptor.forClass(DeadLetterOptions.class);
    verify(locked).deadLetter(options.capture());
    assertThat(options.getValue().getDeadLetterErrorDescription())
        .hasSize(ServiceBusDelivery.MAX_DEAD_LETTER_TEXT);
  }

  @Test
  void ack_lockLost_throwsLockLostAndEmitsAnEvent() {
    LockedMessage locked = firstDelivery();
    doThrow(
            ServiceBusErrorsTest.serviceBus(
                AmqpErrorCondition.MESSAGE_LOCK_LOST, ServiceBusErrorSource.COMPLETE))
        .when(locked)
        .complete();

    assertThatThrownBy(() -> delivery(locked).ack())
        .isInstanceOf(MessageLockLostException.class)
        .hasMessageContaining("m-1")
        .hasMessageContaining("orders");
    @SuppressWarnings("unchecked")
    ArgumentCaptor<Map<String, Object>> attributes = ArgumentCaptor.forClass(Map.class);
    verify(telemetry).event(eq(SettlementEvents.LOCK_LOST), attributes.capture());
    assertThat(attributes.getValue())
        .containsEntry("queue", "orders")
        .containsEntry("messageId", "m-1")
        .containsEntry("action", "complete");
  }

  @Test
  void abandonIfUnsettled_onlyAbandonsUnsettledDeliveries() {
    LockedMessage settled = firstDelivery();
    ServiceBusDelivery acked = delivery(settled);
    acked.ack();
    acked.abandonIfUnsettled();
    verify(settled, never()).abandon();

    LockedMessage open = firstDelivery();
    delivery(open).abandonIfUnsettled();
    verify(open).abandon();
  }
}
