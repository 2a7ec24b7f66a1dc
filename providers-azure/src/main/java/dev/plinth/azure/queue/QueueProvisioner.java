package dev.plinth.azure.queue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates missing queues once per queue name when {@code auto-create-queues} is on (development and
 * the live contract test); otherwise does nothing and the queues must exist.
 */
final class QueueProvisioner {
  /**
   * The broker's own delivery limit for created queues: above the largest portable {@code
   * maxAttempts} (1000), so sdk-core always decides first and Service Bus never dead-letters on its
   * own.
   */
  static final int CREATED_MAX_DELIVERY_COUNT = 1010;

  private final ServiceBusGateway gateway;
  private final ServiceBusSettings settings;
  private final Set<String> ensured = ConcurrentHashMap.newKeySet();

  QueueProvisioner(ServiceBusGateway gateway, ServiceBusSettings settings) {
    this.gateway = gateway;
    this.settings = settings;
  }

  /**
   * Makes sure the queue exists, if auto-creation is on.
   *
   * @param queue the queue
   */
  void ensure(String queue) {
    if (!settings.autoCreateQueues() || ensured.contains(queue)) {
      return;
    }
    try {
      gateway.ensureQueue(
          queue,
          new ServiceBusGateway.QueueSpec(
              settings.isSessionQueue(queue),
              settings.duplicateDetection(),
              CREATED_MAX_DELIVERY_COUNT));
      ensured.add(queue);
    } catch (RuntimeException e) {
      throw ServiceBusErrors.map("create queue '" + queue + "'", e);
    }
  }
}
