package dev.plinth.bench;

import dev.plinth.queue.Message;
import dev.plinth.queue.SendReceipt;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Durable sends of 1 KiB messages on the embedded broker: Plinth {@code send} (blocks until the
 * journal has the message) against a raw blocking persistent JMS send, and Plinth {@code sendBatch}
 * of 100 against 100 raw sends in one JMS transaction. The runner uses 1 and 16 threads for the
 * single sends.
 */
@State(Scope.Benchmark)
public class ArtemisSendBenchmark {
  static final int BATCH = 100;

  private String plinthQueue;
  private String rawQueueName;
  private final List<Message> batch = new ArrayList<>();

  /**
   * Picks fresh queue names and builds the batch.
   *
   * @param backend the broker
   */
  @Setup(Level.Trial)
  public void prepare(ArtemisBackend backend) {
    plinthQueue = ArtemisBackend.uniqueQueue("plinth-send");
    rawQueueName = ArtemisBackend.uniqueQueue("raw-send");
    for (int i = 0; i < BATCH; i++) {
      batch.add(backend.message);
    }
  }

  /**
   * Plinth blocking durable send.
   *
   * @param backend the broker
   * @return the receipt
   */
  @Benchmark
  public SendReceipt send_plinth(ArtemisBackend backend) {
    return backend.queue().send(plinthQueue, backend.message);
  }

  /**
   * Raw blocking persistent send.
   *
   * @param backend the broker
   * @param sender the thread's raw session
   * @throws JMSException if the send fails
   */
  @Benchmark
  public void send_raw(ArtemisBackend backend, RawSender sender) throws JMSException {
    sender.send(sender.queue(rawQueueName), backend.body, DeliveryMode.PERSISTENT);
  }

  /**
   * Plinth sendBatch of 100 messages (one transaction in the artemis driver).
   *
   * @param backend the broker
   * @return the receipts
   */
  @Benchmark
  public List<SendReceipt> sendBatch100_plinth(ArtemisBackend backend) {
    return backend.queue().sendBatch(plinthQueue, batch);
  }

  /**
   * 100 raw persistent sends and one commit.
   *
   * @param backend the broker
   * @param sender the thread's raw session
   * @throws JMSException if the send fails
   */
  @Benchmark
  public void sendBatch100_raw(ArtemisBackend backend, RawSender sender) throws JMSException {
    Queue queue = sender.queue(rawQueueName);
    sender.sendTransacted(queue, backend.body, BATCH);
  }
}
