package dev.plinth.azure.queue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The fields of a received Service Bus message the driver reads, copied out of the SDK's {@code
 * ServiceBusReceivedMessage} (which tests cannot build).
 *
 * @param body the body bytes
 * @param messageId the message id
 * @param correlationId the correlation id, or null
 * @param contentType the content type, or null
 * @param properties the application properties
 * @param timeToLive the time to live, or null
 * @param sessionId the session id, or null
 * @param deliveryCount the SDK's delivery count: 0 on the first delivery (AMQP counts prior
 *     attempts)
 * @param enqueuedTime when Service Bus enqueued it
 * @param sequenceNumber its sequence number
 */
record InboundMessage(
    byte[] body,
    String messageId,
    String correlationId,
    String contentType,
    Map<String, Object> properties,
    Duration timeToLive,
    String sessionId,
    long deliveryCount,
    OffsetDateTime enqueuedTime,
    long sequenceNumber) {

  /**
   * Copies the properties.
   *
   * @param body the body bytes
   * @param messageId the message id
   * @param correlationId the correlation id
   * @param contentType the content type
   * @param properties the application properties
   * @param timeToLive the time to live
   * @param sessionId the session id
   * @param deliveryCount the SDK's delivery count
   * @param enqueuedTime the enqueue time
   * @param sequenceNumber the sequence number
   */
  InboundMessage {
    body = body == null ? new byte[0] : body;
    properties =
        properties == null
            ? Map.of()
            : properties.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
