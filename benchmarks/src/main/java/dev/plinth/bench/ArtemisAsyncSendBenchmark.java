package dev.plinth.bench;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import java.util.UUID;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Non-blocking durable sends of 1 KiB messages: Plinth {@code sendAsync} (the future completes on
 * the broker's confirmation) against a raw persistent JMS send with a {@code CompletionListener},
 * both with at most {@link InFlight#WINDOW} unconfirmed messages per thread. One op = one message
 * confirmed durable.
 */
@State(Scope.Benchmark)
public class ArtemisAsyncSendBenchmark {
  private String plinthQueue;
  private String rawQueue;

  /** Picks fresh queue names. */
  @Setup(Level.Trial)
  public void prepare() {
    plinthQueue = ArtemisBackend.uniqueQueue("plinth-async");
    rawQueue = ArtemisBackend.uniqueQueue("raw-async");
  }

  /**
   * Plinth sendAsync within the window.
   *
   * @param backend the broker
   * @param window the thread's in-flight window
   * @throws InterruptedException if interrupted
   */
  @Benchmark
  public void sendAsync_plinth(ArtemisBackend backend, InFlight window)
      throws InterruptedException {
    window.acquire();
    backend
        .queue()
        .sendAsync(plinthQueue, backend.message)
        .whenComplete(
            (receipt, error) -> {
              if (error == null) {
                window.release();
              } else {
                window.failed(error);
              }
            });
  }

  /**
   * Raw persistent send with a completion listener within the window.
   *
   * @param backend the broker
   * @param sender the thread's raw session
   * @param window the thread's in-flight window
   * @throws InterruptedException if interrupted
   * @throws JMSException if the send fails at once
   */
  @Benchmark
  public void sendAsync_raw(ArtemisBackend backend, RawSender sender, InFlight window)
      throws InterruptedException, JMSException {
    window.acquire();
    sender.sendAsync(
        sender.queue(rawQueue), backend.body, DeliveryMode.PERSISTENT, window.jmsListener);
  }

  /**
   * Reference only: the raw async send with the duplicate-detection id the artemis provider adds to
   * every message, to show what that id costs on the broker.
   *
   * @param backend the broker
   * @param sender the thread's raw session
   * @param window the thread's in-flight window
   * @throws InterruptedException if interrupted
   * @throws JMSException if the send fails at once
   */
  @Benchmark
  public void sendAsyncDuplicateId_rawOnly(
      ArtemisBackend backend, RawSender sender, InFlight window)
      throws InterruptedException, JMSException {
    window.acquire();
    sender.sendAsyncWithDuplicateId(
        sender.queue(rawQueue), backend.body, UUID.randomUUID().toString(), window.jmsListener);
  }

  /**
   * Reference only: the raw async send looking the queue up before every send, as the artemis
   * provider does; shows that the lookup, not the portable layer, serialises Plinth's sendAsync.
   *
   * @param backend the broker
   * @param sender the thread's raw session
   * @param window the thread's in-flight window
   * @throws InterruptedException if interrupted
   * @throws JMSException if the send fails at once
   */
  @Benchmark
  public void sendAsyncQueueLookupPerSend_rawOnly(
      ArtemisBackend backend, RawSender sender, InFlight window)
      throws InterruptedException, JMSException {
    window.acquire();
    sender.sendAsync(
        sender.freshQueue(rawQueue), backend.body, DeliveryMode.PERSISTENT, window.jmsListener);
  }
}
