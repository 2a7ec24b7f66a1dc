package dev.plinth.bench;

import dev.plinth.core.Platform;
import dev.plinth.queue.Message;
import dev.plinth.queue.MessageQueue;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnector;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One embedded Artemis broker (persistent NIO journal in a temporary directory) started by the
 * {@code artemis} provider, and a raw JMS connection to the same broker through the provider's own
 * connection factory ({@code unwrap(ConnectionFactory.class)}): same broker, same client settings.
 */
@State(Scope.Benchmark)
public class ArtemisBackend {
  /** The message body size. */
  static final int BODY_BYTES = 1024;

  /** The body every message carries. */
  final byte[] body = Payloads.random(BODY_BYTES);

  /**
   * The Plinth message every single send carries. Messages are immutable and get their id when
   * sent, so one serves every send, as one body array serves every raw send; building a message (a
   * copy of the body) is the application's cost, not the port's.
   */
  final Message message = Message.builder(body).build();

  private Path dataDir;
  private Platform platform;
  private MessageQueue queue;
  private Connection raw;

  /**
   * Starts the broker through the platform and opens the raw connection.
   *
   * @throws JMSException if the raw connection fails
   * @throws IOException if the temporary directory cannot be created
   */
  @Setup(Level.Trial)
  public void start() throws JMSException, IOException {
    dataDir = Files.createTempDirectory("plinth-bench-artemis");
    platform =
        Platforms.only(
            "queue",
            "artemis",
            Map.of(
                "plinth.queue.artemis.mode",
                "embedded",
                "plinth.queue.artemis.data-dir",
                dataDir.toString()));
    queue = platform.queue();
    raw = queue.unwrap(ConnectionFactory.class).createConnection();
    raw.start();
  }

  /**
   * Closes the raw connection and the platform (which stops the broker), then deletes the journal.
   *
   * @throws JMSException if the raw connection fails to close
   */
  @TearDown(Level.Trial)
  public void stop() throws JMSException {
    raw.close();
    platform.close();
    // The in-VM connector's and the client's global pools keep non-daemon threads alive, which
    // would hold the forked JVM open after the trial.
    InVMConnector.resetThreadPool();
    ActiveMQClient.clearThreadPools();
    deleteTree(dataDir);
  }

  /**
   * Returns the Plinth queue port.
   *
   * @return the portable message queue
   */
  MessageQueue queue() {
    return queue;
  }

  /**
   * Returns the raw connection, shared by the raw sessions of every thread.
   *
   * @return the started connection
   */
  Connection raw() {
    return raw;
  }

  /**
   * Returns a queue name no other benchmark in this trial uses.
   *
   * @param prefix what the queue is for
   * @return the name
   */
  static String uniqueQueue(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static void deleteTree(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(ArtemisBackend::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
