package dev.plinth.core.memory;

import dev.plinth.spi.PlinthProvider;
import dev.plinth.spi.queue.QueueProvider;
import dev.plinth.tck.ProviderDiscoveryContract;
import java.util.Map;

class MemoryQueueDiscoveryTest extends ProviderDiscoveryContract {

  @Override
  protected Class<? extends PlinthProvider<?>> spiType() {
    return QueueProvider.class;
  }

  @Override
  protected String providerName() {
    return "memory";
  }

  @Override
  protected Map<String, String> minimalConfig() {
    return Map.of();
  }
}
