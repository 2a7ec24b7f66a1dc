package dev.plinth.azure.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.amqp.exception.AmqpErrorCondition;
import com.azure.core.amqp.exception.AmqpException;
import com.azure.messaging.servicebus.ServiceBusErrorSource;
import com.azure.messaging.servicebus.ServiceBusException;
import dev.plinth.error.AuthorizationException;
import dev.plinth.error.NotFoundException;
import dev.plinth.error.PayloadTooLargeException;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.error.ThrottledException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ServiceBusErrorsTest {

  static ServiceBusException serviceBus(AmqpErrorCondition condition, ServiceBusErrorSource src) {
    return new ServiceBusException(new AmqpException(false, condition, "boom", null), src);
  }

  @Test
  void map_lockLost_isLockLostAndRetryable() {
    var e =
        ServiceBusErrors.map(
            "complete",
            serviceBus(AmqpErrorCondition.MESSAGE_LOCK_LOST, ServiceBusErrorSource.COMPLETE));
    assertThat(e).isInstanceOf(MessageLockLostException.class);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.code()).isEqualTo("lock-lost");
    assertThat(e.getMessage()).contains("delivered again");
  }

  @Test
  void isLockLost_findsTheReasonThroughWrappers() {
    var cause = serviceBus(AmqpErrorCondition.MESSAGE_LOCK_LOST, ServiceBusErrorSource.COMPLETE);
    assertThat(ServiceBusErrors.isLockLost(new CompletionException(cause))).isTrue();
    assertThat(ServiceBusErrors.isLockLost(new IllegalStateException("x"))).isFalse();
  }

  @Test
  void map_entityNotFound_isNotFoundWithAHint() {
    var e =
        ServiceBusErrors.map(
            "send", serviceBus(AmqpErrorCondition.NOT_FOUND, ServiceBusErrorSource.SEND));
    assertThat(e).isInstanceOf(NotFoundException.class).hasMessageContaining("auto-create-queues");
  }

  @Test
  void map_unauthorized_namesTheRoles() {
    var e =
        ServiceBusErrors.map(
            "send", serviceBus(AmqpErrorCondition.UNAUTHORIZED_ACCESS, ServiceBusErrorSource.SEND));
    assertThat(e)
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("Azure Service Bus Data Sender");
  }

  @Test
  void map_busyAndSizeAndOther() {
    assertThat(
            ServiceBusErrors.map(
                "send",
                serviceBus(AmqpErrorCondition.SERVER_BUSY_ERROR, ServiceBusErrorSource.SEND)))
        .isInstanceOf(ThrottledException.class);
    assertThat(
            ServiceBusErrors.map(
                "send",
                serviceBus(
                    AmqpErrorCondition.LINK_PAYLOAD_SIZE_EXCEEDED, ServiceBusErrorSource.SEND)))
        .isInstanceOf(PayloadTooLargeException.class);
    assertThat(ServiceBusErrors.map("send", new IllegalStateException("closed")))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("closed");
  }
}
