package dev.plinth.azure.storage;

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

  /** Creates the provider (called by {@link java.util.ServiceLoader}). */
  public AzureBlobStoreProvider() {}

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
    AzureBlobClients clients = AzureBlobClients.build(settings);
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
