package dev.plinth.azure.storage;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.storage.BlobStoreDriver;
import dev.plinth.spi.storage.BlobStoreProvider;

/**
 * The {@code azure-blob} storage provider. Settings under {@code plinth.storage.azure-blob.}:
 * {@code endpoint}, {@code container} (required), {@code connection-string}, {@code account-name} +
 * {@code account-key}, {@code create-container} (default false), {@code block-size} (default 4MiB)
 * and {@code max-concurrency} (default 4). Without a connection string or account key it
 * authenticates passwordless with {@code DefaultAzureCredential}.
 */
public final class AzureBlobStoreProvider implements BlobStoreProvider {

  /** The passwordless credential, or null for {@code DefaultAzureCredential}. */
  private final TokenCredential credential;

  /** The SDK HTTP client, or null for the SDK's default. */
  private final HttpClient httpClient;

  /** Creates the provider (called by {@link java.util.ServiceLoader}). */
  public AzureBlobStoreProvider() {
    this(null, null);
  }

  /**
   * Creates a provider whose passwordless mode uses the given credential and whose clients use the
   * given HTTP client: the seam through which tests run the Entra ID path against an emulator.
   *
   * @param credential the token credential, or null for {@code DefaultAzureCredential}
   * @param httpClient the HTTP client, or null for the SDK's default
   */
  AzureBlobStoreProvider(TokenCredential credential, HttpClient httpClient) {
    this.credential = credential;
    this.httpClient = httpClient;
  }

  @Override
  public String name() {
    return AzureBlobSettings.PROVIDER;
  }

  @Override
  public String description() {
    return "Azure Blob Storage (block blobs in one container; Entra ID, account key or"
        + " connection string)";
  }

  @Override
  public BlobStoreDriver create(ProviderContext context) {
    AzureBlobSettings settings = AzureBlobSettings.from(context);
    AzureBlobClients clients = AzureBlobClients.build(settings, credential, httpClient);
    if (settings.createContainer()) {
      try {
        clients.container().createIfNotExists();
      } catch (RuntimeException e) {
        throw new AzureErrors(settings.container())
            .map("create container", settings.container(), e);
      }
    }
    return new AzureBlobStoreDriver(settings, clients);
  }
}
