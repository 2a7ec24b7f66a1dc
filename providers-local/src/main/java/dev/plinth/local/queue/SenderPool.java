package dev.plinth.local.queue;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reuses sessions with an anonymous producer for sending: a JMS session serves one thread at a
 * time, and creating one costs a broker round trip.
 */
final class SenderPool implements AutoCloseable {
  private static final int MAX_IDLE = 16;

  private final Connection connection;
  // Array deques under their own lock: a lease is held for one send, so the lock is short, and
  // unlike a linked deque a push allocates no node on this per-message path.
  private final Deque<Sender> idlePlain = new ArrayDeque<>(MAX_IDLE);
  private final Deque<Sender> idleTransacted = new ArrayDeque<>(MAX_IDLE);
  private volatile boolean closed;

  /**
   * A leased session and its producer.
   *
   * @param session the session
   * @param producer a producer without a fixed destination
   */
  record Sender(Session session, MessageProducer producer) {
    boolean transacted() throws JMSException {
      return session.getTransacted();
    }
  }

  SenderPool(Connection connection) {
    this.connection = connection;
  }

  /**
   * Leases a sender; give it back with {@link #release} or {@link #discard}.
   *
   * @param transacted whether sends are grouped into a transaction
   * @return the sender
   * @throws JMSException if a new session cannot be created
   */
  Sender lease(boolean transacted) throws JMSException {
    Sender idle = poll(transacted ? idleTransacted : idlePlain);
    if (idle != null) {
      return idle;
    }
    Session session =
        transacted
            ? connection.createSession(true, Session.SESSION_TRANSACTED)
            : connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    return new Sender(session, session.createProducer(null));
  }

  /**
   * Returns a healthy sender to the pool.
   *
   * @param sender the sender
   */
  void release(Sender sender) {
    try {
      Deque<Sender> idle = sender.transacted() ? idleTransacted : idlePlain;
      synchronized (idle) {
        if (!closed && idle.size() < MAX_IDLE) {
          idle.push(sender);
          return;
        }
      }
    } catch (JMSException e) {
      // a broken session is discarded below
    }
    discard(sender);
  }

  /**
   * Closes a sender that failed.
   *
   * @param sender the sender
   */
  void discard(Sender sender) {
    try {
      sender.session().close();
    } catch (JMSException e) {
      // already broken: nothing else to release
    }
  }

  private static Sender poll(Deque<Sender> idle) {
    synchronized (idle) {
      return idle.poll();
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Deque<Sender> idle : java.util.List.of(idlePlain, idleTransacted)) {
      Sender s;
      while ((s = poll(idle)) != null) {
        discard(s);
      }
    }
  }
}
