package dev.plinth.core.testing;

import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.queue.QueueDriver;
import dev.plinth.spi.queue.QueueProvider;

/** Test-only {@code recording} provider of the queue port. */
public final class RecordingQueueProvider implements QueueProvider {

  @Override
  public String name() {
    return "recording";
  }

  @Override
  public String description() {
    return "Test queue driver that logs its lifecycle";
  }

  @Override
  public QueueDriver create(ProviderContext context) {
    return RecordingDrivers.create(QueueDriver.class, context);
  }
}
