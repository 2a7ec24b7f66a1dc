package dev.plinth.local.queue;

import dev.plinth.spi.PlinthProvider;
import dev.plinth.spi.queue.QueueProvider;
import dev.plinth.tck.ProviderDiscoveryContract;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

class ArtemisQueueDiscoveryTest extends ProviderDiscoveryContract {
  @TempDir static Path dir;

  @Override
  protected Class<? extends PlinthProvider<?>> spiType() {
    return QueueProvider.class;
  }

  @Override
  protected String providerName() {
    return "artemis";
  }

  @Override
  protected Map<String, String> minimalConfig() {
    return Map.of("plinth.queue.artemis.data-dir", dir.resolve("artemis").toString());
  }
}
