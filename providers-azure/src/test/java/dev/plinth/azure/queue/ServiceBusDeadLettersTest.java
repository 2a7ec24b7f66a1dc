package dev.plinth.azure.queue;

import static dev.plinth.azure.queue.ServiceBusFakes.inboundAt;
import static dev.plinth.azure.queue.ServiceBusFakes.locked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.messaging.servicebus.ServiceBusMessage;
import dev.plinth.error.NotFoundException;
import dev.plinth.queue.DeadLetter;
import dev.plinth.spi.queue.QueueHeaders;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceBusDeadLettersTest {
  private final ServiceBusGateway gateway = mock(ServiceBusGateway.class);
  private final DeadLetterReceiver receiver = mock(DeadLetterReceiver.class);
  private final QueueSender sender = mock(QueueSender.class);
  private final List<ServiceBusFakes.FakeBatch> sent = new java.util.ArrayList<>();
  private ServiceBusDeadLetters deadLetters;

  @BeforeEach
  void setUp() {
    when(gateway.deadLetterReceiver("orders")).thenReturn(receiver);
    when(gateway.deadLetterCount("orders")).thenReturn(OptionalLong.empty());
    when(gateway.sender("orders")).thenReturn(sender);
    when(sender.createBatch())
        .thenAnswer(
            i -> {
              var b = new ServiceBusFakes.FakeBatch(10, 1024);
              sent.add(b);
              return b;
            });
    ServiceBusSettings settings = ServiceBusFakes.settings(Map.of());
    deadLetters =
        new ServiceBusDeadLetters(
            "orders",
            gateway,
            new ServiceBusPublisher(gateway, settings, new QueueProvisioner(gateway, settings)),
            100);
  }

  private static InboundMessage dead(String id, long sequenceNumber) {
    Map<String, Object> p = new HashMap<>();
    p.put(QueueHeaders.DL_REASON, "manual");
    p.put(QueueHeaders.DL_DESCRIPTION, "stop");
    p.put(QueueHeaders.DL_ATTEMPTS, "2");
    p.put(QueueHeaders.DL_SOURCE_QUEUE, "orders");
    p.put(QueueHeaders.DL_AT, "2024-05-01T12:00:00Z");
    p.put(QueueHeaders.ATTEMPT, "2");
    p.put(QueueHeaders.FIRST_ENQUEUED, "2024-05-01T11:00:00Z");
    p.put(ServiceBusMessages.SB_DEAD_LETTER_REASON, "manual");
    p.put("tenant", "t1");
    return inboundAt(id, sequenceNumber, p);
  }

  @Test
  void list_pagesThroughPeekedMessages() {
    List<InboundMessage> first =
        IntStream.range(0, ServiceBusDeadLetters.PAGE).mapToObj(i -> dead("d" + i, i)).toList();
    when(receiver.peek(ServiceBusDeadLetters.PAGE, null)).thenReturn(first);
    when(receiver.peek(20, (long) ServiceBusDeadLetters.PAGE))
        .thenReturn(List.of(dead("last", 100)));

    List<DeadLetter> listed = deadLetters.list(120);

    assertThat(listed).hasSize(101);
    DeadLetter d = listed.get(0);
    assertThat(d.id()).isEqualTo("d0");
    assertThat(d.reason()).isEqualTo("manual");
    assertThat(d.description()).isEqualTo("stop");
    assertThat(d.attempts()).isEqualTo(2);
    assertThat(d.queue()).isEqualTo("orders");
    assertThat(d.message().properties()).containsEntry("tenant", "t1");
    verify(receiver, org.mockito.Mockito.atLeastOnce()).close();
  }

  @Test
  void list_messageDeadLetteredByServiceBus_keepsItsReason() {
    when(receiver.peek(anyInt(), isNull()))
        .thenReturn(
            List.of(
                inboundAt(
                    "x",
                    1,
                    Map.of(
                        ServiceBusMessages.SB_DEAD_LETTER_REASON, "TTLExpiredException",
                        ServiceBusMessages.SB_DEAD_LETTER_DESCRIPTION, "expired"))));
    DeadLetter d = deadLetters.list(10).get(0);
    assertThat(d.reason()).isEqualTo("TTLExpiredException");
    assertThat(d.description()).isEqualTo("expired");
  }

  @Test
  void peek_findsById() {
    when(receiver.peek(anyInt(), isNull())).thenReturn(List.of(dead("a", 1), dead("b", 2)));
    assertThat(deadLetters.peek("b")).hasValueSatisfying(d -> assertThat(d.id()).isEqualTo("b"));
    assertThat(deadLetters.peek("zzz")).isEmpty();
  }

  @Test
  void redrive_sendsAFreshMessageCompletesItAndReleasesTheOthers() {
    when(receiver.peek(anyInt(), isNull())).thenReturn(List.of(dead("a", 1), dead("b", 2)));
    LockedMessage a = locked(dead("a", 1));
    LockedMessage b = locked(dead("b", 2));
    when(receiver.receive(anyInt(), any())).thenReturn(List.of(a, b));

    deadLetters.redrive("b");

    ServiceBusMessage resent = sent.get(0).messages.get(0);
    assertThat(resent.getApplicationProperties())
        .containsEntry(ServiceBusMessages.PLINTH_MESSAGE_ID, "b")
        .containsEntry("tenant", "t1")
        .doesNotContainKeys(
            QueueHeaders.DL_REASON,
            QueueHeaders.ATTEMPT,
            QueueHeaders.FIRST_ENQUEUED,
            ServiceBusMessages.SB_DEAD_LETTER_REASON);
    assertThat(resent.getMessageId()).isNotEqualTo("b");
    verify(b).complete();
    verify(a).abandon();
    verify(a, never()).complete();
  }

  @Test
  void redrive_unknownId_isNotFoundWithoutLockingAnything() {
    when(receiver.peek(anyInt(), isNull())).thenReturn(List.of());
    assertThatThrownBy(() -> deadLetters.redrive("nope"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("nope");
    verify(receiver, never()).receive(anyInt(), any());
  }

  @Test
  void redrive_sendFails_returnsTheDeadLetter() {
    when(receiver.peek(anyInt(), isNull())).thenReturn(List.of(dead("a", 1)));
    LockedMessage a = locked(dead("a", 1));
    when(receiver.receive(anyInt(), any())).thenReturn(List.of(a));
    org.mockito.Mockito.doThrow(new IllegalStateException("down")).when(sender).send(any());

    assertThatThrownBy(() -> deadLetters.redrive("a")).hasMessageContaining("down");
    verify(a, never()).complete();
    verify(a).abandon();
  }

  @Test
  void delete_completesTheMatchOnly() {
    when(receiver.peek(anyInt(), isNull())).thenReturn(List.of(dead("a", 1)));
    LockedMessage a = locked(dead("a", 1));
    when(receiver.receive(anyInt(), any())).thenReturn(List.of(a));
    assertThat(deadLetters.delete("a")).isTrue();
    verify(a).complete();
    verify(sender, never()).send(any());
  }

  @Test
  void delete_vanishedBetweenPeekAndReceive_isFalse() {
    when(receiver.peek(anyInt(), isNull())).thenReturn(List.of(dead("a", 1)));
    when(receiver.receive(anyInt(), any())).thenReturn(List.of());
    assertThat(deadLetters.delete("a")).isFalse();
  }

  @Test
  void purge_completesBatchesUntilEmpty() {
    LockedMessage a = locked(dead("a", 1));
    LockedMessage b = locked(dead("b", 2));
    LockedMessage c = locked(dead("c", 3));
    when(receiver.receive(anyInt(), any()))
        .thenReturn(List.of(a, b))
        .thenReturn(List.of(c))
        .thenReturn(List.of());
    assertThat(deadLetters.purge()).isEqualTo(3);
    verify(a).complete();
    verify(c).complete();
  }

  @Test
  void count_usesRuntimePropertiesForLargeCounts() {
    when(gateway.deadLetterCount("orders")).thenReturn(OptionalLong.of(5000));
    assertThat(deadLetters.count()).isEqualTo(5000);
    verify(receiver, never()).peek(anyInt(), any());
  }

  @Test
  void count_withoutRuntimeProperties_countsByPeeking() {
    when(receiver.peek(anyInt(), isNull())).thenReturn(List.of(dead("a", 1), dead("b", 2)));
    when(receiver.peek(anyInt(), eq(3L))).thenReturn(List.of());
    assertThat(deadLetters.count()).isEqualTo(2);
  }
}
