package dev.plinth.azure.storage;

import dev.plinth.storage.BlobStore;
import dev.plinth.tck.BlobStoreContract;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the blob store contract against the azure-blob provider on Azurite, selected through a
 * Platform. Presigned URLs are real SAS URLs that the contract fetches over HTTP.
 */
class AzureBlobStoreContractTest extends BlobStoreContract {
  @TempDir static Path azuriteHome;
  private static AzuriteBlobPlatform fixture;

  @BeforeAll
  static void start() {
    fixture = AzuriteBlobPlatform.start(azuriteHome, "tck", Map.of());
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Override
  protected BlobStore blobStore() {
    return fixture.platform().storage();
  }
}
