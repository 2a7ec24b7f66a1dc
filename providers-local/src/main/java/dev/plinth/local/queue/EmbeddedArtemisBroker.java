package dev.plinth.local.queue;

import dev.plinth.error.ProviderUnavailableException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.postoffice.QueueBinding;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * An Artemis broker inside this JVM with a persistent NIO journal, an in-VM acceptor and optionally
 * a TCP acceptor. Its address settings leave retries and dead-lettering to sdk-core: unlimited
 * delivery attempts, no redelivery delay, no broker dead-letter address, and auto-created anycast
 * queues.
 */
final class EmbeddedArtemisBroker implements AutoCloseable {
  /** In-VM acceptor ids must be unique per JVM; several brokers may run in one test JVM. */
  private static final AtomicInteger NEXT_IN_VM_ID = new AtomicInteger(1000);

  private final EmbeddedActiveMQ server;
  private final int inVmId;

  private EmbeddedArtemisBroker(EmbeddedActiveMQ server, int inVmId) {
    this.server = server;
    this.inVmId = inVmId;
  }

  /**
   * Starts a broker.
   *
   * @param dataDir where the journal, bindings, paging and large messages live
   * @param host the TCP acceptor's host
   * @param tcpPort the TCP acceptor's port, or 0 for none
   * @return the started broker
   * @throws ProviderUnavailableException if the broker fails to start
   */
  static EmbeddedArtemisBroker start(Path dataDir, String host, int tcpPort) {
    int inVmId = NEXT_IN_VM_ID.getAndIncrement();
    try {
      Configuration config = configuration(dataDir, inVmId);
      if (tcpPort > 0) {
        config.addAcceptorConfiguration("tcp", "tcp://" + host + ":" + tcpPort);
      }
      EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(config);
      server.start();
      return new EmbeddedArtemisBroker(server, inVmId);
    } catch (Exception e) {
      throw new ProviderUnavailableException(
          "The embedded Artemis broker failed to start with data directory "
              + dataDir
              + (tcpPort > 0 ? " and TCP port " + tcpPort : "")
              + ": "
              + e.getMessage()
              + ". Check the directory is writable and not used by another process.",
          e);
    }
  }

  private static Configuration configuration(Path dataDir, int inVmId) throws Exception {
    Configuration config = new ConfigurationImpl();
    config.setName("plinth-artemis");
    config.setPersistenceEnabled(true);
    config.setSecurityEnabled(false);
    config.setJMXManagementEnabled(false);
    config.setCriticalAnalyzer(false);
    config.setMaxDiskUsage(-1);
    config.setJournalType(JournalType.NIO);
    config.setJournalFileSize(2 * 1024 * 1024);
    config.setJournalMinFiles(2);
    config.setJournalDirectory(dataDir.resolve("journal").toString());
    config.setBindingsDirectory(dataDir.resolve("bindings").toString());
    config.setPagingDirectory(dataDir.resolve("paging").toString());
    config.setLargeMessagesDirectory(dataDir.resolve("large-messages").toString());
    config.addAcceptorConfiguration("in-vm", "vm://" + inVmId);
    config.addAddressSetting("#", portableAddressSettings());
    return config;
  }

  /**
   * Returns the settings that make the broker a plain store: sdk-core decides retries and dead
   * letters, so the broker never gives up on a message or delays a rollback.
   *
   * @return the address settings for {@code #}
   */
  static AddressSettings portableAddressSettings() {
    return new AddressSettings()
        .setMaxDeliveryAttempts(-1)
        .setRedeliveryDelay(0)
        // Never used with unlimited attempts; set so Artemis does not warn for every queue.
        .setDeadLetterAddress(SimpleString.of("plinth.unused.dla"))
        .setAutoCreateAddresses(true)
        .setAutoCreateQueues(true)
        .setAutoDeleteAddresses(false)
        .setAutoDeleteQueues(false)
        .setAutoCreateDeadLetterResources(false)
        .setAutoCreateExpiryResources(false)
        .setDefaultAddressRoutingType(RoutingType.ANYCAST)
        .setDefaultQueueRoutingType(RoutingType.ANYCAST);
  }

  /**
   * Returns the URL clients in this JVM connect with.
   *
   * @return e.g. {@code vm://1000}
   */
  String inVmUrl() {
    return "vm://" + inVmId;
  }

  /**
   * Tells whether the broker is running.
   *
   * @return true once started and until stopped
   */
  boolean isActive() {
    ActiveMQServer s = server.getActiveMQServer();
    return s != null && s.isActive();
  }

  /**
   * Counts the queues on the broker.
   *
   * @return the number of queues
   */
  long queueCount() {
    return server
        .getActiveMQServer()
        .getPostOffice()
        .getAllBindings()
        .filter(QueueBinding.class::isInstance)
        .count();
  }

  /**
   * Counts the messages of a queue, including scheduled and in-delivery ones.
   *
   * @param queue the queue name
   * @return the count, 0 if the queue does not exist
   */
  long messageCount(String queue) {
    Queue q = server.getActiveMQServer().locateQueue(SimpleString.of(queue));
    return q == null ? 0 : q.getMessageCount();
  }

  /** Stops the broker; messages in its journal survive. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new ProviderUnavailableException(
          "The embedded Artemis broker did not stop cleanly: " + e.getMessage(), e);
    }
  }
}
