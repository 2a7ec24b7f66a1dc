package dev.plinth.core.memory;

import dev.plinth.spi.PlinthProvider;
import dev.plinth.spi.storage.BlobStoreProvider;
import dev.plinth.tck.ProviderDiscoveryContract;
import java.util.Map;

class MemoryBlobStoreDiscoveryTest extends ProviderDiscoveryContract {

  @Override
  protected Class<? extends PlinthProvider<?>> spiType() {
    return BlobStoreProvider.class;
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
