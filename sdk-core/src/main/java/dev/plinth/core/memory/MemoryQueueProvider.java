package dev.plinth.core.memory;

import dev.plinth.config.PlinthConfig;
import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.queue.QueueDriver;
import dev.plinth.spi.queue.QueueProvider;
import java.time.Duration;

/**
 * Provides the {@code memory} queue. Settings: {@code plinth.queue.memory.duplicate-window}
 * (default 10m) and {@code plinth.queue.memory.close-timeout} (default 5s).
 */
public final class MemoryQueueProvider implements QueueProvider {

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public MemoryQueueProvider() {}

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public String description() {
    return "In-process queues (scheduled delivery, ordering, duplicate detection; not durable)";
  }

  @Override
  public QueueDriver create(ProviderContext context) {
    return new MemoryQueueDriver(
        duration(context, "memory.duplicate-window", MemoryQueueDriver.DEFAULT_DUPLICATE_WINDOW),
        duration(context, "memory.close-timeout", MemoryQueueDriver.DEFAULT_CLOSE_TIMEOUT));
  }

  private static Duration duration(ProviderContext context, String name, Duration defaultValue) {
    return context
        .get(name)
        .filter(v -> !v.isBlank())
        .map(v -> PlinthConfig.parseDuration(context.key(name), v))
        .orElse(defaultValue);
  }
}
