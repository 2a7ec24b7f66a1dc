package dev.plinth.local.queue;

import dev.plinth.queue.Message;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.Enumeration;
import java.util.Objects;
import java.util.Optional;

/**
 * Converts Plinth messages to JMS bytes messages and back. The body is the message body; the Plinth
 * fields travel as JMS headers or as driver properties ({@code PLINTH_*}); application properties
 * are string properties with {@link PropertyNames encoded names}.
 */
final class JmsMessages {
  /** The Plinth message id; dead letters are selected by it. */
  static final String ID = "PLINTH_ID";

  static final String CONTENT_TYPE = "PLINTH_CONTENT_TYPE";
  static final String TTL_MILLIS = "PLINTH_TTL_MILLIS";
  static final String DELIVER_AT = "PLINTH_DELIVER_AT";

  /** Artemis message groups: one consumer at a time per group, in order. */
  static final String GROUP_ID = "JMSXGroupID";

  /** Artemis duplicate detection id (dropped when seen again on the same address). */
  static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

  /** Artemis scheduled delivery time, epoch milliseconds. */
  static final String SCHEDULED_DELIVERY = "_AMQ_SCHED_DELIVERY";

  private JmsMessages() {}

  /**
   * Sends a message persistently through a producer created without a destination.
   *
   * @param session the session that owns the producer
   * @param producer an anonymous producer
   * @param queue the target queue
   * @param message the Plinth message
   * @param visibleAt when the broker may deliver it, or null for now
   * @param detectDuplicates whether to stamp the Artemis duplicate id (first sends only: a retry or
   *     redrive re-sends the same id on purpose)
   * @param applyTtl whether the message may expire (never for dead letters)
   * @throws JMSException if the broker refuses
   */
  static void send(
      Session session,
      MessageProducer producer,
      String queue,
      Message message,
      Instant visibleAt,
      boolean detectDuplicates,
      boolean applyTtl)
      throws JMSException {
    Destination destination = session.createQueue(queue);
    BytesMessage jms = toJms(session, message, visibleAt, detectDuplicates);
    producer.send(
        destination,
        jms,
        DeliveryMode.PERSISTENT,
        jakarta.jms.Message.DEFAULT_PRIORITY,
        applyTtl ? ttlMillis(message) : 0L);
  }

  /**
   * Builds the JMS message for a Plinth message.
   *
   * @param session a session to create it with
   * @param message the Plinth message
   * @param visibleAt when the broker may deliver it, or null for now
   * @param detectDuplicates whether to stamp the Artemis duplicate id
   * @return the JMS message
   * @throws JMSException if the JMS provider refuses a value
   */
  static BytesMessage toJms(
      Session session, Message message, Instant visibleAt, boolean detectDuplicates)
      throws JMSException {
    BytesMessage jms = session.createBytesMessage();
    jms.writeBytes(message.body());
    if (message.messageId() != null) {
      jms.setStringProperty(ID, message.messageId());
      if (detectDuplicates) {
        jms.setStringProperty(DUPLICATE_ID, message.messageId());
      }
    }
    if (message.contentType() != null) {
      jms.setStringProperty(CONTENT_TYPE, message.contentType());
    }
    if (message.correlationId() != null) {
      jms.setJMSCorrelationID(message.correlationId());
    }
    if (message.timeToLive() != null) {
      jms.setLongProperty(TTL_MILLIS, message.timeToLive().toMillis());
    }
    if (message.deliverAt() != null) {
      jms.setLongProperty(DELIVER_AT, message.deliverAt().toEpochMilli());
    }
    if (message.orderingKey() != null) {
      jms.setStringProperty(GROUP_ID, message.orderingKey());
    }
    if (visibleAt != null && visibleAt.isAfter(Instant.now())) {
      jms.setLongProperty(SCHEDULED_DELIVERY, visibleAt.toEpochMilli());
    }
    for (var property : message.properties().entrySet()) {
      jms.setStringProperty(PropertyNames.encode(property.getKey()), property.getValue());
    }
    return jms;
  }

  /**
   * Reads a Plinth message from a JMS message written by {@link #toJms}.
   *
   * @param jms the received or browsed JMS message
   * @return the Plinth message
   * @throws JMSException if the message cannot be read
   */
  static Message fromJms(jakarta.jms.Message jms) throws JMSException {
    byte[] body = jms instanceof BytesMessage ? jms.getBody(byte[].class) : null;
    Message.Builder b = Message.builder(body == null ? new byte[0] : body);
    b.messageId(jms.getStringProperty(ID));
    b.contentType(jms.getStringProperty(CONTENT_TYPE));
    b.correlationId(jms.getJMSCorrelationID());
    if (jms.propertyExists(TTL_MILLIS)) {
      b.timeToLive(Duration.ofMillis(jms.getLongProperty(TTL_MILLIS)));
    }
    if (jms.propertyExists(DELIVER_AT)) {
      b.deliverAt(Instant.ofEpochMilli(jms.getLongProperty(DELIVER_AT)));
    }
    b.orderingKey(jms.getStringProperty(GROUP_ID));
    Enumeration<?> names = jms.getPropertyNames();
    while (names.hasMoreElements()) {
      String jmsName = (String) names.nextElement();
      Optional<String> name = PropertyNames.decode(jmsName);
      if (name.isPresent()) {
        b.property(name.get(), Objects.toString(jms.getStringProperty(jmsName), ""));
      }
    }
    return b.build();
  }

  /**
   * Returns the JMS selector that matches one Plinth message id.
   *
   * @param messageId the id
   * @return the selector
   */
  static String selectorForId(String messageId) {
    return ID + " = '" + messageId.replace("'", "''") + "'";
  }

  /**
   * Returns the JMS time to live of a message.
   *
   * @param message the message
   * @return milliseconds, 0 for never expiring
   */
  static long ttlMillis(Message message) {
    Duration ttl = message.timeToLive();
    if (ttl == null || ttl.isZero() || ttl.isNegative()) {
      return 0L; // JMS: 0 means the message never expires
    }
    return Math.max(1L, ttl.toMillis());
  }
}
