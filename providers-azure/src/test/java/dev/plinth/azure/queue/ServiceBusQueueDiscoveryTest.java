package dev.plinth.azure.queue;

import dev.plinth.spi.PlinthProvider;
import dev.plinth.spi.queue.QueueProvider;
import dev.plinth.tck.ProviderDiscoveryContract;
import java.util.Map;

class ServiceBusQueueDiscoveryTest extends ProviderDiscoveryContract {

  @Override
  protected Class<? extends PlinthProvider<?>> spiType() {
    return QueueProvider.class;
  }

  @Override
  protected String providerName() {
    return "azure-servicebus";
  }

  @Override
  protected Map<String, String> minimalConfig() {
    return Map.of("plinth.queue.azure-servicebus.namespace", "unit.servicebus.windows.net");
  }
}
