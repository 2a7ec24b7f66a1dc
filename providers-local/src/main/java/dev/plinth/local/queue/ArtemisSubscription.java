package dev.plinth.local.queue;

import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.spi.queue.DeliveryListener;
import dev.plinth.spi.queue.DriverSubscription;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Consumers of one queue: a connection of its own, and per unit of concurrency a transacted
 * session, a consumer and a thread that calls the listener synchronously. Closing stops the loops,
 * waits (bounded) for listeners in progress and closes the connection, which rolls back anything
 * still unsettled.
 */
final class ArtemisSubscription implements DriverSubscription {
  private static final System.Logger LOG = System.getLogger(ArtemisSubscription.class.getName());
  private static final long POLL_MILLIS = 200;

  private final String queue;
  private final Connection connection;
  private final DeliveryListener listener;
  private final Duration closeTimeout;
  private final Runnable onClose;
  private final List<Thread> workers = new ArrayList<>();
  private final CountDownLatch stopping = new CountDownLatch(1);
  private volatile boolean running = true;

  private ArtemisSubscription(
      String queue,
      Connection connection,
      DeliveryListener listener,
      Duration closeTimeout,
      Runnable onClose) {
    this.queue = queue;
    this.connection = connection;
    this.listener = listener;
    this.closeTimeout = closeTimeout;
    this.onClose = onClose;
  }

  /**
   * Creates the sessions and consumers, then starts the threads. Fails fast if the broker refuses.
   *
   * @param queue the queue
   * @param connection a fresh, unstarted connection owned by the subscription
   * @param concurrency the number of consumer threads
   * @param listener the listener
   * @param closeTimeout the bound on waiting for listeners at close
   * @param onClose called once after closing
   * @return the running subscription
   * @throws JMSException if a session or consumer cannot be created
   */
  static ArtemisSubscription start(
      String queue,
      Connection connection,
      int concurrency,
      DeliveryListener listener,
      Duration closeTimeout,
      Runnable onClose)
      throws JMSException {
    ArtemisSubscription sub =
        new ArtemisSubscription(queue, connection, listener, closeTimeout, onClose);
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < Math.max(1, concurrency); i++) {
      sessions.add(connection.createSession(true, Session.SESSION_TRANSACTED));
    }
    List<MessageConsumer> consumers = new ArrayList<>();
    for (Session session : sessions) {
      consumers.add(session.createConsumer(session.createQueue(queue)));
    }
    connection.start();
    for (int i = 0; i < sessions.size(); i++) {
      Session session = sessions.get(i);
      MessageConsumer consumer = consumers.get(i);
      Thread t = new Thread(() -> sub.consume(session, consumer), threadName(queue, i));
      t.setDaemon(true);
      sub.workers.add(t);
    }
    sub.workers.forEach(Thread::start);
    return sub;
  }

  private static String threadName(String queue, int index) {
    return "plinth-artemis-" + queue + "-" + index;
  }

  private void consume(Session firstSession, MessageConsumer firstConsumer) {
    Session session = firstSession;
    MessageConsumer consumer = firstConsumer;
    long backoffMillis = 500;
    while (running) {
      try {
        if (session == null) {
          session = connection.createSession(true, Session.SESSION_TRANSACTED);
          consumer = session.createConsumer(session.createQueue(queue));
        }
        MessageProducer producer = session.createProducer(null);
        while (running) {
          jakarta.jms.Message received = consumer.receive(POLL_MILLIS);
          if (received != null && running) {
            deliver(new ArtemisDelivery(queue, session, producer, received));
          } else if (received != null) {
            session.rollback(); // closing: leave it for the next consumer
          }
        }
        backoffMillis = 500;
      } catch (JMSException | ProviderUnavailableException e) {
        if (!running) {
          break;
        }
        LOG.log(
            Level.WARNING,
            "Artemis consumer of queue ''{0}'' failed ({1}); reconnecting in {2} ms",
            queue,
            e.getMessage(),
            backoffMillis);
        closeQuietly(session);
        session = null;
        awaitStop(backoffMillis);
        backoffMillis = Math.min(backoffMillis * 2, 30_000);
      }
    }
  }

  private void deliver(ArtemisDelivery delivery) {
    try {
      listener.onDelivery(delivery);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Listener of queue '" + queue + "' threw; the message returns to the queue",
          e);
    }
    delivery.abandonIfUnsettled();
  }

  private void awaitStop(long millis) {
    try {
      stopping.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (!running) {
        return;
      }
      running = false;
    }
    stopping.countDown();
    long deadline = System.nanoTime() + closeTimeout.toNanos();
    for (Thread worker : workers) {
      long left = Math.max(0, deadline - System.nanoTime());
      try {
        TimeUnit.NANOSECONDS.timedJoin(worker, Math.max(1, left));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    try {
      connection.close();
    } catch (JMSException e) {
      LOG.log(Level.DEBUG, "Closing Artemis consumers of ''{0}'': {1}", queue, e.getMessage());
    } finally {
      onClose.run();
    }
  }

  private static void closeQuietly(Session session) {
    if (session == null) {
      return;
    }
    try {
      session.close();
    } catch (JMSException e) {
      // already broken
    }
  }
}
