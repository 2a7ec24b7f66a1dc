package dev.plinth.local.queue;

import dev.plinth.error.NotFoundException;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.queue.DeadLetter;
import dev.plinth.queue.DeadLetters;
import dev.plinth.queue.Message;
import dev.plinth.spi.queue.QueueHeaders;
import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * The dead letters of one queue, stored on the Artemis queue {@code <queue>.dlq}. Reads browse the
 * queue; a dead letter's id is its Plinth message id, which selects it for redrive and delete. A
 * redrive consumes the dead letter and sends the fresh message in one transaction.
 */
final class ArtemisDeadLetters implements DeadLetters {
  private static final int PURGE_BATCH = 500;

  private final String queue;
  private final String dlq;
  private final Connection connection;

  ArtemisDeadLetters(String queue, Connection connection) {
    this.queue = queue;
    this.dlq = ArtemisQueueDriver.deadLetterQueue(queue);
    this.connection = connection;
  }

  @Override
  public List<DeadLetter> list(int max) {
    if (max < 1 || max > 1000) {
      throw new IllegalArgumentException("max must be between 1 and 1000, was " + max);
    }
    return browse(null, max);
  }

  @Override
  public Optional<DeadLetter> peek(String id) {
    return browse(JmsMessages.selectorForId(id), 1).stream().findFirst();
  }

  @Override
  public void redrive(String id) {
    boolean found =
        consumeOne(
            id,
            (session, stored) -> {
              Message fresh = QueueHeaders.forRedrive(stored);
              JmsMessages.send(
                  session, session.createProducer(null), queue, fresh, null, false, true);
            });
    if (!found) {
      throw new NotFoundException(
          "No dead letter with id '" + id + "' in queue '" + queue + "'. List them to see ids.");
    }
  }

  @Override
  public boolean delete(String id) {
    return consumeOne(id, (session, stored) -> {});
  }

  @Override
  public long purge() {
    try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = session.createConsumer(session.createQueue(dlq))) {
      long purged = 0;
      int inBatch = 0;
      while (consumer.receiveNoWait() != null) {
        purged++;
        if (++inBatch == PURGE_BATCH) {
          session.commit();
          inBatch = 0;
        }
      }
      session.commit();
      return purged;
    } catch (InvalidDestinationException e) {
      return 0; // no dead-letter queue yet: nothing was ever dead-lettered
    } catch (JMSException e) {
      throw failure("purge", e);
    }
  }

  @Override
  public long count() {
    try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        QueueBrowser browser = session.createBrowser(session.createQueue(dlq))) {
      long count = 0;
      for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements(); e.nextElement()) {
        count++;
      }
      return count;
    } catch (InvalidDestinationException e) {
      return 0; // no dead-letter queue (yet): see the note on failure()
    } catch (JMSException e) {
      throw failure("count", e);
    }
  }

  private List<DeadLetter> browse(String selector, int max) {
    try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        QueueBrowser browser = session.createBrowser(session.createQueue(dlq), selector)) {
      List<DeadLetter> result = new ArrayList<>();
      Enumeration<?> messages = browser.getEnumeration();
      while (result.size() < max && messages.hasMoreElements()) {
        result.add(toDeadLetter((jakarta.jms.Message) messages.nextElement()));
      }
      return result;
    } catch (InvalidDestinationException e) {
      return List.of(); // no dead-letter queue (yet): see the note on failure()
    } catch (JMSException e) {
      throw failure("read", e);
    }
  }

  private DeadLetter toDeadLetter(jakarta.jms.Message jms) throws JMSException {
    Message stored = JmsMessages.fromJms(jms);
    String id = stored.messageId() != null ? stored.messageId() : jms.getJMSMessageID();
    return QueueHeaders.toDeadLetter(id, queue, stored);
  }

  private boolean consumeOne(String id, StoredMessageAction action) {
    try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer =
            session.createConsumer(session.createQueue(dlq), JmsMessages.selectorForId(id))) {
      jakarta.jms.Message jms = consumer.receiveNoWait();
      if (jms == null) {
        return false;
      }
      action.apply(session, JmsMessages.fromJms(jms));
      session.commit();
      return true;
    } catch (InvalidDestinationException e) {
      return false; // no dead-letter queue (yet): see the note on failure()
    } catch (JMSException e) {
      throw failure("update", e);
    }
  }

  /*
   * The dead-letter queue is auto-created by the first dead letter. A browser opened
   * while that first send creates the address but not yet the queue fails with "queue does not
   * exist" (seen under load); a queue that does not exist holds no dead letters, so every read
   * treats it as empty instead of reporting the broker unavailable.
   */
  private ProviderUnavailableException failure(String action, JMSException e) {
    return new ProviderUnavailableException(
        "Artemis could not "
            + action
            + " the dead letters of queue '"
            + queue
            + "' (queue "
            + dlq
            + "): "
            + e.getMessage()
            + ". Check the broker is running.",
        e);
  }

  /** Work done with a consumed dead letter inside its transaction. */
  @FunctionalInterface
  private interface StoredMessageAction {
    void apply(Session session, Message stored) throws JMSException;
  }
}
