package dev.plinth.azure.storage;

import dev.plinth.spi.PlinthProvider;
import dev.plinth.spi.storage.BlobStoreProvider;
import dev.plinth.tck.ProviderDiscoveryContract;
import dev.plinth.testing.Azurite;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The azure-blob provider is discoverable and well-behaved as a plug-in (on Azurite). */
class AzureBlobDiscoveryTest extends ProviderDiscoveryContract {
  @TempDir static Path azuriteHome;
  private static Azurite azurite;

  @BeforeAll
  static void start() {
    azurite = Azurite.start(azuriteHome);
  }

  @AfterAll
  static void stop() {
    if (azurite != null) {
      azurite.close();
    }
  }

  @Override
  protected Class<? extends PlinthProvider<?>> spiType() {
    return BlobStoreProvider.class;
  }

  @Override
  protected String providerName() {
    return "azure-blob";
  }

  @Override
  protected Map<String, String> minimalConfig() {
    return Map.of(
        "plinth.storage.azure-blob.connection-string",
        azurite.connectionString(),
        "plinth.storage.azure-blob.container",
        "discovery");
  }
}
