package dev.plinth.bench;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A thread's raw JMS sessions on the shared connection: a JMS session serves one thread, and a
 * well-written raw client keeps it, with an anonymous producer, for its whole life.
 */
@State(Scope.Thread)
public class RawSender {
  private Session session;
  private Session transacted;
  private MessageProducer producer;
  private MessageProducer transactedProducer;
  private final Map<String, Queue> queues = new HashMap<>();

  /**
   * Opens the sessions.
   *
   * @param backend the broker
   * @throws JMSException if a session cannot be created
   */
  @Setup(Level.Trial)
  public void open(ArtemisBackend backend) throws JMSException {
    session = backend.raw().createSession(false, Session.AUTO_ACKNOWLEDGE);
    producer = session.createProducer(null);
    transacted = backend.raw().createSession(true, Session.SESSION_TRANSACTED);
    transactedProducer = transacted.createProducer(null);
  }

  /**
   * Closes the sessions.
   *
   * @throws JMSException if closing fails
   */
  @TearDown(Level.Trial)
  public void close() throws JMSException {
    session.close();
    transacted.close();
  }

  /**
   * Sends one bytes message and blocks until the broker has it (persistent) or sent it.
   *
   * @param queue the queue
   * @param body the body
   * @param mode {@link DeliveryMode#PERSISTENT} or {@link DeliveryMode#NON_PERSISTENT}
   * @throws JMSException if the send fails
   */
  void send(Queue queue, byte[] body, int mode) throws JMSException {
    producer.send(queue, message(session, body), mode, 4, 0);
  }

  /**
   * Sends one persistent message without blocking; the listener hears the broker's confirmation.
   *
   * @param queue the queue
   * @param body the body
   * @param mode the delivery mode
   * @param listener told when the broker confirmed
   * @throws JMSException if the send fails at once
   */
  void sendAsync(Queue queue, byte[] body, int mode, CompletionListener listener)
      throws JMSException {
    producer.send(queue, message(session, body), mode, 4, 0, listener);
  }

  /**
   * Like {@link #sendAsync} but with an Artemis duplicate-detection id, as the artemis provider
   * sets on every message (the id is stored in the journal with the message).
   *
   * @param queue the queue
   * @param body the body
   * @param duplicateId the {@code _AMQ_DUPL_ID} value
   * @param listener told when the broker confirmed
   * @throws JMSException if the send fails at once
   */
  void sendAsyncWithDuplicateId(
      Queue queue, byte[] body, String duplicateId, CompletionListener listener)
      throws JMSException {
    BytesMessage message = message(session, body);
    message.setStringProperty("_AMQ_DUPL_ID", duplicateId);
    producer.send(queue, message, DeliveryMode.PERSISTENT, 4, 0, listener);
  }

  /**
   * Sends persistent messages in one local transaction.
   *
   * @param queue the queue
   * @param body the body of each
   * @param count how many
   * @throws JMSException if the send or commit fails
   */
  void sendTransacted(Queue queue, byte[] body, int count) throws JMSException {
    for (int i = 0; i < count; i++) {
      transactedProducer.send(queue, message(transacted, body), DeliveryMode.PERSISTENT, 4, 0);
    }
    transacted.commit();
  }

  /**
   * Returns the queue object for a name, created once per thread as a raw client would keep it.
   *
   * @param name the queue name
   * @return the JMS queue
   * @throws JMSException if the name is refused
   */
  Queue queue(String name) throws JMSException {
    Queue queue = queues.get(name);
    if (queue == null) {
      queue = session.createQueue(name);
      queues.put(name, queue);
    }
    return queue;
  }

  /**
   * Creates a new queue object on every call, as the artemis provider does per send: in Artemis
   * {@code Session.createQueue} is a blocking query that the broker answers in order, after the
   * previous durable send of the session is on disk.
   *
   * @param name the queue name
   * @return a new JMS queue
   * @throws JMSException if the name is refused
   */
  Queue freshQueue(String name) throws JMSException {
    return session.createQueue(name);
  }

  private static BytesMessage message(Session session, byte[] body) throws JMSException {
    BytesMessage message = session.createBytesMessage();
    message.writeBytes(body);
    return message;
  }
}
