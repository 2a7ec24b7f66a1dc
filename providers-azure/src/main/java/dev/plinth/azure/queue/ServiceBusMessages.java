package dev.plinth.azure.queue;

import com.azure.messaging.servicebus.ServiceBusMessage;
import dev.plinth.queue.Message;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Maps Plinth messages to Service Bus messages and back. Properties travel as application
 * properties; the ordering key travels as the session id. A first send uses the Plinth id as the
 * Service Bus message id, so the entity's duplicate detection applies to what applications send. On
 * a session-enabled queue a message without an ordering key gets its own message id as session id,
 * so unordered messages still run in parallel; such a session id is not reported back as an
 * ordering key.
 */
final class ServiceBusMessages {
  /** A time to live this long is Service Bus's "never expires" default, not one the sender set. */
  private static final Duration UNBOUNDED_TTL = Duration.ofDays(10_000);

  /**
   * Application property with the Plinth message id when the Service Bus message id differs: a
   * retry or a redrive is a new Service Bus message with a fresh id, so the entity's duplicate
   * detection never drops it, while the handler still sees the original id.
   */
  static final String PLINTH_MESSAGE_ID = "plinth-message-id";

  /** Application property Service Bus sets on a message it dead-letters: the reason. */
  static final String SB_DEAD_LETTER_REASON = "DeadLetterReason";

  /** Application property Service Bus sets on a message it dead-letters: the description. */
  static final String SB_DEAD_LETTER_DESCRIPTION = "DeadLetterErrorDescription";

  private ServiceBusMessages() {}

  /**
   * Builds the Service Bus message to send.
   *
   * @param message a message with its id set
   * @param sessionQueue true if the target queue is session-enabled
   * @param resend true for a retry or a redrive: a fresh Service Bus id, the Plinth id in {@link
   *     #PLINTH_MESSAGE_ID}
   * @return the Service Bus message, with its scheduled enqueue time if {@code deliverAt} is set
   */
  static ServiceBusMessage toServiceBus(Message message, boolean sessionQueue, boolean resend) {
    ServiceBusMessage out = new ServiceBusMessage(message.body());
    if (resend) {
      out.setMessageId(UUID.randomUUID().toString());
    } else {
      out.setMessageId(message.messageId());
    }
    if (message.correlationId() != null) {
      out.setCorrelationId(message.correlationId());
    }
    if (message.contentType() != null) {
      out.setContentType(message.contentType());
    }
    out.getApplicationProperties().putAll(message.properties());
    out.getApplicationProperties().remove(PLINTH_MESSAGE_ID);
    if (resend) {
      out.getApplicationProperties().put(PLINTH_MESSAGE_ID, message.messageId());
    }
    if (message.deliverAt() != null) {
      out.setScheduledEnqueueTime(message.deliverAt().atOffset(ZoneOffset.UTC));
    }
    if (message.timeToLive() != null) {
      out.setTimeToLive(message.timeToLive());
    }
    if (message.orderingKey() != null) {
      out.setSessionId(message.orderingKey());
    } else if (sessionQueue) {
      out.setSessionId(out.getMessageId());
    }
    return out;
  }

  /**
   * Reads a received message back. Non-string application properties are converted with {@code
   * String.valueOf}; Service Bus's own dead-letter properties are left out.
   *
   * @param in the received message
   * @return the Plinth message
   */
  static Message fromServiceBus(InboundMessage in) {
    Message.Builder b = Message.builder(in.body());
    Object plinthId = in.properties().get(PLINTH_MESSAGE_ID);
    b.messageId(plinthId != null ? plinthId.toString() : in.messageId());
    b.correlationId(in.correlationId());
    b.contentType(in.contentType());
    for (Map.Entry<String, Object> p : in.properties().entrySet()) {
      if (!p.getKey().equals(SB_DEAD_LETTER_REASON)
          && !p.getKey().equals(SB_DEAD_LETTER_DESCRIPTION)
          && !p.getKey().equals(PLINTH_MESSAGE_ID)) {
        b.property(p.getKey(), String.valueOf(p.getValue()));
      }
    }
    b.timeToLive(explicitTimeToLive(in.timeToLive()));
    if (in.sessionId() != null && !Objects.equals(in.sessionId(), in.messageId())) {
      b.orderingKey(in.sessionId());
    }
    return b.build();
  }

  private static Duration explicitTimeToLive(Duration ttl) {
    if (ttl == null || ttl.isZero() || ttl.isNegative() || ttl.compareTo(UNBOUNDED_TTL) >= 0) {
      return null;
    }
    return ttl;
  }
}
