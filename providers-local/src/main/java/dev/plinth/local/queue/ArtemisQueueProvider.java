package dev.plinth.local.queue;

import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.queue.QueueDriver;
import dev.plinth.spi.queue.QueueProvider;

/**
 * The {@code artemis} queue provider: Apache ActiveMQ Artemis, embedded in the application ({@code
 * plinth.queue.artemis.mode=embedded}, the default, journal under {@code
 * plinth.queue.artemis.data-dir}) or remote ({@code mode=remote} with {@code url}, {@code user},
 * {@code password}).
 */
public final class ArtemisQueueProvider implements QueueProvider {

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public ArtemisQueueProvider() {}

  @Override
  public String name() {
    return "artemis";
  }

  @Override
  public String description() {
    return "Apache ActiveMQ Artemis (embedded broker with a persistent journal, or remote)";
  }

  @Override
  public QueueDriver create(ProviderContext context) {
    return ArtemisQueueDriver.start(ArtemisSettings.from(context));
  }
}
