package dev.plinth.local.storage;

import dev.plinth.spi.PlinthProvider;
import dev.plinth.spi.storage.BlobStoreProvider;
import dev.plinth.tck.ProviderDiscoveryContract;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreDiscoveryTest extends ProviderDiscoveryContract {
  @TempDir static Path dir;

  @Override
  protected Class<? extends PlinthProvider<?>> spiType() {
    return BlobStoreProvider.class;
  }

  @Override
  protected String providerName() {
    return "filesystem";
  }

  @Override
  protected Map<String, String> minimalConfig() {
    return Map.of("plinth.storage.filesystem.root", dir.resolve("blobs").toString());
  }
}
