package dev.plinth.bench;

import dev.plinth.queue.Outcome;
import dev.plinth.queue.SubscribeOptions;
import dev.plinth.queue.Subscription;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Send and consume, 1 KiB: one op = one message sent without blocking and received and settled by a
 * consumer on the same broker, with at most {@link InFlight#WINDOW} messages between producer and
 * consumer. Plinth (persistent; a subscription that commits each ack) against raw JMS with the same
 * durability (persistent send, transacted consumer committing each message). A raw non-persistent,
 * auto-acknowledged run is measured as a reference: Plinth has no non-persistent mode, so it has no
 * Plinth counterpart.
 */
@State(Scope.Benchmark)
public class ArtemisEndToEndBenchmark {
  private static final int PREFETCH = 16; // 16 x 64 KiB = the raw consumer's 1 MiB window

  private final InFlight plinthWindow = new InFlight();
  private final InFlight rawWindow = new InFlight();
  private final InFlight nonPersistentWindow = new InFlight();
  private final CompletionListener rawSendFailures = failuresOf(rawWindow);
  private String plinthQueue;
  private String rawQueue;
  private String nonPersistentQueue;
  private Subscription subscription;
  private Session rawConsumerSession;
  private Session nonPersistentSession;

  /**
   * Starts one consumer per queue.
   *
   * @param backend the broker
   * @throws JMSException if a raw consumer cannot start
   */
  @Setup(Level.Trial)
  public void start(ArtemisBackend backend) throws JMSException {
    plinthQueue = ArtemisBackend.uniqueQueue("plinth-e2e");
    rawQueue = ArtemisBackend.uniqueQueue("raw-e2e");
    nonPersistentQueue = ArtemisBackend.uniqueQueue("raw-np-e2e");
    subscription =
        backend
            .queue()
            .subscribe(
                plinthQueue,
                delivery -> {
                  plinthWindow.release();
                  return Outcome.ack();
                },
                SubscribeOptions.defaults().withPrefetch(PREFETCH));
    rawConsumerSession = backend.raw().createSession(true, Session.SESSION_TRANSACTED);
    MessageConsumer consumer =
        rawConsumerSession.createConsumer(rawConsumerSession.createQueue(rawQueue));
    consumer.setMessageListener(
        message -> {
          try {
            rawConsumerSession.commit();
            rawWindow.release();
          } catch (JMSException e) {
            rawWindow.failed(e);
          }
        });
    nonPersistentSession = backend.raw().createSession(false, Session.AUTO_ACKNOWLEDGE);
    nonPersistentSession
        .createConsumer(nonPersistentSession.createQueue(nonPersistentQueue))
        .setMessageListener(message -> nonPersistentWindow.release());
  }

  /**
   * Waits until every message sent in the iteration was consumed.
   *
   * @throws InterruptedException if interrupted
   */
  @TearDown(Level.Iteration)
  public void drain() throws InterruptedException {
    plinthWindow.drain();
    rawWindow.drain();
    nonPersistentWindow.drain();
  }

  /**
   * Stops the consumers.
   *
   * @throws JMSException if a raw session fails to close
   */
  @TearDown(Level.Trial)
  public void stop() throws JMSException {
    subscription.close();
    rawConsumerSession.close();
    nonPersistentSession.close();
  }

  /**
   * Plinth sendAsync, consumed by a Plinth subscription.
   *
   * @param backend the broker
   * @throws InterruptedException if interrupted
   */
  @Benchmark
  public void sendConsume_plinth(ArtemisBackend backend) throws InterruptedException {
    plinthWindow.acquire();
    backend
        .queue()
        .sendAsync(plinthQueue, backend.message)
        .whenComplete(
            (receipt, error) -> {
              if (error != null) {
                plinthWindow.failed(error);
              }
            });
  }

  /**
   * Raw persistent async send, consumed by a transacted raw consumer.
   *
   * @param backend the broker
   * @param sender the thread's raw session
   * @throws InterruptedException if interrupted
   * @throws JMSException if the send fails at once
   */
  @Benchmark
  public void sendConsume_raw(ArtemisBackend backend, RawSender sender)
      throws InterruptedException, JMSException {
    rawWindow.acquire();
    sender.sendAsync(
        sender.queue(rawQueue), backend.body, DeliveryMode.PERSISTENT, rawSendFailures);
  }

  /**
   * Reference only: raw non-persistent send, auto-acknowledged consumer.
   *
   * @param backend the broker
   * @param sender the thread's raw session
   * @throws InterruptedException if interrupted
   * @throws JMSException if the send fails
   */
  @Benchmark
  public void sendConsumeNonPersistent_rawOnly(ArtemisBackend backend, RawSender sender)
      throws InterruptedException, JMSException {
    nonPersistentWindow.acquire();
    sender.send(sender.queue(nonPersistentQueue), backend.body, DeliveryMode.NON_PERSISTENT);
  }

  private static CompletionListener failuresOf(InFlight window) {
    return new CompletionListener() {
      @Override
      public void onCompletion(jakarta.jms.Message message) {
        // the consumer gives the permit back
      }

      @Override
      public void onException(jakarta.jms.Message message, Exception e) {
        window.failed(e);
      }
    };
  }
}
