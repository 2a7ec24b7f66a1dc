package dev.plinth.azure.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.blob.BlobContainerClient;
import dev.plinth.error.ConfigurationException;
import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.storage.BlobStoreDriver;
import dev.plinth.storage.StorageCapabilities;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.telemetry.Telemetry;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings validation and client set-up of the azure-blob provider; no Azure needed. */
class AzureBlobSettingsTest {
  private static final String P = "plinth.storage.azure-blob.";
  private static final String ENDPOINT = "https://mystorageaccount.blob.core.windows.net";
  private static final String SECRET_KEY = "c2VjcmV0LWFjY291bnQta2V5LW5ldmVyLXByaW50ZWQ=";

  private static ProviderContext context(String... keyValues) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put(P + keyValues[i], keyValues[i + 1]);
    }
    return new ProviderContext("storage", new MapPlinthConfig(values), Telemetry.noop());
  }

  private static AzureBlobSettings settings(String... keyValues) {
    return AzureBlobSettings.from(context(keyValues));
  }

  @Test
  void from_missingContainer_namesEnvVarWithExample() {
    assertThatThrownBy(() -> settings("endpoint", ENDPOINT))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("PLINTH_STORAGE_AZURE_BLOB_CONTAINER=uploads");
  }

  @Test
  void from_noEndpointNorConnectionString_namesEndpointEnvVar() {
    assertThatThrownBy(() -> settings("container", "uploads"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("PLINTH_STORAGE_AZURE_BLOB_ENDPOINT=https://");
  }

  @Test
  void from_invalidContainerName_explainsTheRule() {
    assertThatThrownBy(() -> settings("endpoint", ENDPOINT, "container", "My_Uploads"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("PLINTH_STORAGE_AZURE_BLOB_CONTAINER")
        .hasMessageContaining("lower-case");
  }

  @Test
  void from_accountNameWithoutKey_namesTheMissingKey() {
    assertThatThrownBy(() -> settings("container", "uploads", "account-name", "acct"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("PLINTH_STORAGE_AZURE_BLOB_ACCOUNT_KEY=");
  }

  @Test
  void from_connectionStringAndAccountKey_isRejected() {
    assertThatThrownBy(
            () ->
                settings(
                    "container",
                    "uploads",
                    "connection-string",
                    "AccountName=a;AccountKey=" + SECRET_KEY,
                    "account-name",
                    "a",
                    "account-key",
                    SECRET_KEY))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("not both")
        .hasMessageNotContaining(SECRET_KEY);
  }

  @Test
  void from_badEndpoint_isRejected() {
    assertThatThrownBy(() -> settings("endpoint", "blob.core.windows.net", "container", "uploads"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("PLINTH_STORAGE_AZURE_BLOB_ENDPOINT");
  }

  @Test
  void from_blockSizeWithUnit_isParsed() {
    assertThat(settings("endpoint", ENDPOINT, "container", "c1x", "block-size", "8MiB").blockSize())
        .isEqualTo(8L * 1024 * 1024);
    assertThat(settings("endpoint", ENDPOINT, "container", "c1x").blockSize())
        .isEqualTo(4L * 1024 * 1024);
  }

  @Test
  void from_blockSizeOrConcurrencyOutOfRange_isRejected() {
    assertThatThrownBy(() -> settings("endpoint", ENDPOINT, "container", "c1x", "block-size", "1k"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("PLINTH_STORAGE_AZURE_BLOB_BLOCK_SIZE");
    assertThatThrownBy(
            () -> settings("endpoint", ENDPOINT, "container", "c1x", "block-size", "lots"))
        .isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(
            () -> settings("endpoint", ENDPOINT, "container", "c1x", "max-concurrency", "0"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("PLINTH_STORAGE_AZURE_BLOB_MAX_CONCURRENCY");
  }

  @Test
  void toString_hidesConnectionStringAndKey() {
    String connection = "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=" + SECRET_KEY;
    assertThat(settings("container", "uploads", "connection-string", connection).toString())
        .doesNotContain(SECRET_KEY)
        .contains("CONNECTION_STRING");
    assertThat(
            settings("container", "uploads", "account-name", "a", "account-key", SECRET_KEY)
                .toString())
        .doesNotContain(SECRET_KEY)
        .contains("https://a.blob.core.windows.net");
  }

  @Test
  void create_malformedConnectionString_failsWithoutEchoingIt() {
    String malformed = "this-is-not-a-connection-string-" + SECRET_KEY;
    assertThatThrownBy(
            () ->
                new AzureBlobStoreProvider()
                    .create(context("container", "uploads", "connection-string", malformed)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("PLINTH_STORAGE_AZURE_BLOB_CONNECTION_STRING")
        .hasMessageNotContaining(SECRET_KEY)
        .hasNoCause();
  }

  @Test
  void create_passwordless_needsNoNetworkAndPresignsWithUserDelegation() {
    try (BlobStoreDriver driver =
        new AzureBlobStoreProvider()
            .create(context("endpoint", ENDPOINT, "container", "uploads"))) {
      assertThat(driver.capabilities().features())
          .contains(
              StorageCapabilities.CONDITIONAL_WRITES,
              StorageCapabilities.PRESIGN,
              StorageCapabilities.RANGE_READS,
              StorageCapabilities.SERVER_SIDE_COPY);
      assertThat(driver.capabilities().limit(StorageCapabilities.MAX_BLOB_BYTES))
          .hasValue(50_000L * 4 * 1024 * 1024);
      assertThat(driver.nativeClient()).isInstanceOf(BlobContainerClient.class);
      assertThat(((BlobContainerClient) driver.nativeClient()).getBlobContainerName())
          .isEqualTo("uploads");
    }
  }

  @Test
  void create_sasConnectionString_doesNotDeclarePresign() {
    String sas =
        "BlobEndpoint=https://a.blob.core.windows.net;SharedAccessSignature=sv=2022-11-02&sig=x";
    try (BlobStoreDriver driver =
        new AzureBlobStoreProvider()
            .create(context("container", "uploads", "connection-string", sas))) {
      assertThat(driver.capabilities().supports(StorageCapabilities.PRESIGN)).isFalse();
    }
  }
}
