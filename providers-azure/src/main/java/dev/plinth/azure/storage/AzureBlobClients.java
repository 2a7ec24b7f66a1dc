package dev.plinth.azure.storage;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import dev.plinth.error.ConfigurationException;

/**
 * Builds the SDK clients for the configured authentication: a connection string, an account name
 * and key, or (the default) passwordless {@code DefaultAzureCredential}. Also picks how URLs are
 * presigned, since that depends on the credential.
 *
 * @param service the service client
 * @param container the container client (the provider's native client)
 * @param presigner the SAS signer, or null when the credential cannot sign (a SAS connection
 *     string)
 */
record AzureBlobClients(
    BlobServiceClient service, BlobContainerClient container, SasPresigner presigner) {

  /**
   * Builds the clients. Does not contact Azure. The overrides exist for tests that run the
   * passwordless path against an emulator.
   *
   * @param settings validated settings
   * @param credential the token credential of passwordless mode, or null for {@code
   *     DefaultAzureCredential}
   * @param httpClient the HTTP client, or null for the SDK's default
   * @return the clients
   * @throws ConfigurationException if the SDK rejects the connection string or endpoint
   */
  static AzureBlobClients build(
      AzureBlobSettings settings, TokenCredential credential, HttpClient httpClient) {
    BlobServiceClientBuilder builder = new BlobServiceClientBuilder();
    if (httpClient != null) {
      builder.httpClient(httpClient);
    }
    SasPresigner presigner;
    try {
      switch (settings.authMode()) {
        case CONNECTION_STRING -> {
          builder.connectionString(settings.connectionString());
          if (settings.endpoint() != null) {
            builder.endpoint(settings.endpoint());
          }
          presigner = settings.connectionStringHasKey() ? SasPresigner.sharedKey() : null;
        }
        case SHARED_KEY -> {
          builder
              .endpoint(settings.endpoint())
              .credential(
                  new StorageSharedKeyCredential(settings.accountName(), settings.accountKey()));
          presigner = SasPresigner.sharedKey();
        }
        default -> {
          builder
              .endpoint(settings.endpoint())
              .credential(
                  credential != null ? credential : new DefaultAzureCredentialBuilder().build());
          presigner = null;
        }
      }
      BlobServiceClient service = builder.buildClient();
      if (presigner == null && settings.authMode() == AzureBlobSettings.AuthMode.TOKEN_CREDENTIAL) {
        presigner = SasPresigner.userDelegation(service);
      }
      return new AzureBlobClients(
          service, service.getBlobContainerClient(settings.container()), presigner);
    } catch (IllegalArgumentException e) {
      throw rejected(settings, e);
    }
  }

  private static ConfigurationException rejected(AzureBlobSettings s, IllegalArgumentException e) {
    if (s.connectionString() != null) {
      // Neither the SDK's message nor its cause is kept: they could quote the secret.
      String key = "plinth.storage.azure-blob.connection-string";
      return new ConfigurationException(
          key,
          "Azure Storage rejected the connection string in '"
              + key
              + "' (value hidden). Example: PLINTH_STORAGE_AZURE_BLOB_CONNECTION_STRING="
              + "DefaultEndpointsProtocol=https;AccountName=<account>;AccountKey=<key>;"
              + "EndpointSuffix=core.windows.net");
    }
    String key = "plinth.storage.azure-blob.endpoint";
    return new ConfigurationException(
        key,
        "Azure Storage rejected '"
            + key
            + "' ("
            + e.getMessage()
            + "). Example: PLINTH_STORAGE_AZURE_BLOB_ENDPOINT="
            + "https://mystorageaccount.blob.core.windows.net",
        e);
  }
}
