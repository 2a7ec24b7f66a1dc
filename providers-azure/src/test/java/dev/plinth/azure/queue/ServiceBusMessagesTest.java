package dev.plinth.azure.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.queue.Message;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceBusMessagesTest {

  private static InboundMessage received(
      String id, String sessionId, Duration ttl, Map<String, Object> properties) {
    return new InboundMessage(
        new byte[] {1, 2}, id, null, null, properties, ttl, sessionId, 0, null, 1);
  }

  @Test
  void fromServiceBus_resentMessage_reportsThePlinthId() {
    Message m =
        ServiceBusMessages.fromServiceBus(
            received(
                "sb-uuid",
                null,
                null,
                Map.of(ServiceBusMessages.PLINTH_MESSAGE_ID, "plinth-1", "n", 42)));
    assertThat(m.messageId()).isEqualTo("plinth-1");
    assertThat(m.properties()).containsExactly(Map.entry("n", "42"));
  }

  @Test
  void fromServiceBus_sessionIdEqualToMessageId_isNoOrderingKey() {
    assertThat(ServiceBusMessages.fromServiceBus(received("a", "a", null, Map.of())).orderingKey())
        .isNull();
    assertThat(ServiceBusMessages.fromServiceBus(received("a", "k", null, Map.of())).orderingKey())
        .isEqualTo("k");
  }

  @Test
  void fromServiceBus_defaultTimeToLive_isNotReported() {
    assertThat(
            ServiceBusMessages.fromServiceBus(
                    received("a", null, Duration.ofDays(10_675_199), Map.of()))
                .timeToLive())
        .isNull();
    assertThat(
            ServiceBusMessages.fromServiceBus(received("a", null, Duration.ofMinutes(1), Map.of()))
                .timeToLive())
        .isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void fromServiceBus_dropsServiceBusDeadLetterProperties() {
    Message m =
        ServiceBusMessages.fromServiceBus(
            received(
                "a",
                null,
                null,
                Map.of(
                    ServiceBusMessages.SB_DEAD_LETTER_REASON, "x",
                    ServiceBusMessages.SB_DEAD_LETTER_DESCRIPTION, "y")));
    assertThat(m.properties()).isEmpty();
  }

  @Test
  void toServiceBus_firstSendKeepsTheId_resendGetsAFreshOne() {
    Message m = Message.ofText("x").toBuilder().messageId("id-1").build();
    assertThat(ServiceBusMessages.toServiceBus(m, false, false).getMessageId()).isEqualTo("id-1");
    var resent = ServiceBusMessages.toServiceBus(m, true, true);
    assertThat(resent.getMessageId()).isNotEqualTo("id-1");
    assertThat(resent.getApplicationProperties())
        .containsEntry(ServiceBusMessages.PLINTH_MESSAGE_ID, "id-1");
    assertThat(resent.getSessionId()).isEqualTo(resent.getMessageId());
  }
}
