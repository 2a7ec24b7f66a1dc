package dev.plinth.local.queue;

import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.queue.DeadLetter;
import dev.plinth.queue.Message;
import dev.plinth.spi.queue.DriverDelivery;
import dev.plinth.spi.queue.QueueHeaders;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Duration;
import java.time.Instant;

/**
 * One message received in a transacted session. Every settlement is one transaction: the
 * acknowledgement of the received message commits together with what replaces it (a scheduled retry
 * or a dead letter), so retries never multiply and nothing is lost on a crash.
 */
final class ArtemisDelivery implements DriverDelivery {
  private final String queue;
  private final Session session;
  private final MessageProducer producer;
  private final Message message;
  private final int deliveryCount;
  private final Instant enqueuedAt;
  private boolean settled;

  /**
   * Reads a received JMS message.
   *
   * @param queue the queue it came from
   * @param session its transacted session
   * @param producer an anonymous producer of the same session
   * @param jms the received message
   * @throws JMSException if the message cannot be read
   */
  ArtemisDelivery(String queue, Session session, MessageProducer producer, jakarta.jms.Message jms)
      throws JMSException {
    this.queue = queue;
    this.session = session;
    this.producer = producer;
    this.message = JmsMessages.fromJms(jms);
    int count =
        jms.propertyExists("JMSXDeliveryCount") ? jms.getIntProperty("JMSXDeliveryCount") : 1;
    this.deliveryCount = Math.max(1, count);
    this.enqueuedAt =
        jms.getJMSTimestamp() > 0 ? Instant.ofEpochMilli(jms.getJMSTimestamp()) : Instant.now();
  }

  @Override
  public Message message() {
    return message;
  }

  @Override
  public int deliveryCount() {
    return deliveryCount;
  }

  @Override
  public Instant enqueuedAt() {
    return enqueuedAt;
  }

  @Override
  public void ack() {
    settle("acknowledge", session::commit);
  }

  @Override
  public void retryLater(Message next, Duration delay) {
    Instant visibleAt = Instant.now().plus(delay == null ? Duration.ZERO : delay);
    settle(
        "schedule a retry of",
        () -> {
          JmsMessages.send(session, producer, queue, next, visibleAt, false, true);
          session.commit();
        });
  }

  @Override
  public void deadLetter(DeadLetter record) {
    Message stored = QueueHeaders.forDeadLetter(record).toBuilder().deliverAt(null).build();
    settle(
        "dead-letter",
        () -> {
          JmsMessages.send(
              session,
              producer,
              ArtemisQueueDriver.deadLetterQueue(queue),
              stored,
              null,
              false,
              false);
          session.commit();
        });
  }

  @Override
  public void abandon() {
    settle("abandon", session::rollback);
  }

  /** Rolls the message back to the queue if the listener returned without settling it. */
  void abandonIfUnsettled() {
    if (!settled) {
      abandon();
    }
  }

  private void settle(String action, JmsAction work) {
    if (settled) {
      throw new IllegalStateException(
          "Message " + message.messageId() + " from queue '" + queue + "' is already settled.");
    }
    settled = true;
    try {
      work.run();
    } catch (JMSException e) {
      rollbackQuietly();
      throw new ProviderUnavailableException(
          "Artemis could not "
              + action
              + " message "
              + message.messageId()
              + " of queue '"
              + queue
              + "': "
              + e.getMessage()
              + ". The message stays on the queue and will be delivered again.",
          e);
    }
  }

  private void rollbackQuietly() {
    try {
      session.rollback();
    } catch (JMSException | RuntimeException e) {
      // the session is broken; closing it returns the message to the queue
    }
  }

  /** A JMS operation. */
  @FunctionalInterface
  interface JmsAction {
    void run() throws JMSException;
  }
}
