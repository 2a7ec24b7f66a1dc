package dev.plinth.azure.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.storage.BlobStore;
import dev.plinth.storage.PresignedUrl;
import dev.plinth.tck.BlobStoreContract;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the blob store contract against the azure-blob provider in its passwordless mode: Entra ID
 * bearer tokens over HTTPS to Azurite with OAuth, presigned URLs as user-delegation SAS. The
 * contract's presigned requests carry no token or key.
 */
class AzureBlobEntraContractTest extends BlobStoreContract {
  @TempDir static Path azuriteHome;
  private static AzuriteOAuth azurite;

  @BeforeAll
  static void start() throws IOException {
    azurite = AzuriteOAuth.start(azuriteHome, "tck-entra");
  }

  @AfterAll
  static void stop() {
    if (azurite != null) {
      azurite.close();
    }
  }

  @Override
  protected BlobStore blobStore() {
    return azurite.store();
  }

  /**
   * The streaming path does not depend on the credential and runs with 1 GiB in {@link
   * AzureBlobStoreContractTest}; over TLS a smaller blob still spans many staged blocks and
   * download chunks, and keeps the module's test run short.
   */
  @Override
  protected long largeBlobBytes() {
    return 64L * 1024 * 1024;
  }

  @Override
  protected byte[] fetchPresigned(PresignedUrl url) throws Exception {
    return expect(200, azurite.send("GET", url.url(), null));
  }

  @Override
  protected void uploadPresigned(PresignedUrl url, byte[] content) throws Exception {
    expect(201, azurite.send("PUT", url.url(), content));
  }

  @Test
  void store_authenticatesWithStorageTokens() {
    assertThat(azurite.credential().requestedScopes())
        .isNotEmpty()
        .containsOnly("https://storage.azure.com/.default");
  }

  private static byte[] expect(int status, HttpResponse<byte[]> response) throws IOException {
    if (response.statusCode() != status) {
      throw new IOException(
          response.request().method() + " answered " + response.statusCode() + ", not " + status);
    }
    return response.body();
  }
}
