package dev.plinth.azure.storage;

import dev.plinth.config.Profile;
import dev.plinth.core.Platform;
import dev.plinth.storage.BlobStore;
import dev.plinth.tck.BlobStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the blob store contract against the azure-blob provider on Azurite, selected through a
 * Platform. Presigned URLs are real SAS URLs that the contract fetches over HTTP.
 */
class AzureBlobStoreContractTest extends BlobStoreContract {
  @TempDir static Path azuriteHome;
  private static Azurite azurite;
  private static Platform platform;

  @BeforeAll
  static void start() {
    azurite = Azurite.start(azuriteHome);
    platform =
        Platform.builder()
            .profile(Profile.MEMORY)
            .property("plinth.storage.provider", "azure-blob")
            .property("plinth.storage.azure-blob.connection-string", azurite.connectionString())
            .property("plinth.storage.azure-blob.container", "tck")
            .property("plinth.storage.azure-blob.create-container", "true")
            // Only the storage port is under test; the others stay off.
            .property("plinth.cache.provider", "none")
            .property("plinth.queue.provider", "none")
            .property("plinth.auth.provider", "none")
            .build();
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
    if (azurite != null) {
      azurite.close();
    }
  }

  @Override
  protected BlobStore blobStore() {
    return platform.storage();
  }
}
