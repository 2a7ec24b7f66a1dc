package dev.plinth.azure.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobStorageException;
import dev.plinth.Health;
import dev.plinth.error.PreconditionFailedException;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.storage.BlobStoreDriver;
import dev.plinth.storage.Blob;
import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.PresignMethod;
import dev.plinth.storage.PresignedUrl;
import dev.plinth.storage.PutOptions;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.telemetry.Telemetry;
import dev.plinth.testing.Azurite;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Azure-specific behaviour of the driver on Azurite: ETag pinning, status mapping, containers. */
class AzureBlobStoreDriverTest {
  /** Small blocks so that a few hundred KiB span several download chunks. */
  private static final int BLOCK = 64 * 1024;

  @TempDir static Path azuriteHome;
  private static Azurite azurite;
  private static BlobStoreDriver driver;

  @BeforeAll
  static void start() {
    azurite = Azurite.start(azuriteHome);
    driver = create("driver-test", Map.of("create-container", "true", "block-size", "64KiB"));
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.close();
    }
    if (azurite != null) {
      azurite.close();
    }
  }

  private static BlobStoreDriver create(String container, Map<String, String> extra) {
    Map<String, String> values = new HashMap<>();
    values.put("plinth.storage.azure-blob.connection-string", azurite.connectionString());
    values.put("plinth.storage.azure-blob.container", container);
    extra.forEach((k, v) -> values.put("plinth.storage.azure-blob." + k, v));
    ProviderContext context =
        new ProviderContext("storage", new MapPlinthConfig(values), Telemetry.noop());
    return new AzureBlobStoreProvider().create(context);
  }

  private static String key(String name) {
    return "driver-" + UUID.randomUUID() + "/" + name;
  }

  private static BlobInfo put(String key, byte[] content, PutOptions options) throws IOException {
    return driver.put(key, new ByteArrayInputStream(content), content.length, options);
  }

  private static byte[] filled(int size, char c) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) c);
    return bytes;
  }

  @Test
  void get_overwrittenMidRead_failsInsteadOfMixingVersions() throws IOException {
    String key = key("pinned.bin");
    BlobInfo v1 = put(key, filled(4 * BLOCK, 'a'), PutOptions.none());
    try (Blob blob = driver.get(key, null)) {
      assertThat(blob.info().etag()).isEqualTo(v1.etag());
      InputStream in = blob.content();
      byte[] first = in.readNBytes(BLOCK);
      assertThat(first).containsOnly((byte) 'a');

      put(key, filled(4 * BLOCK, 'b'), PutOptions.none());

      assertThatThrownBy(in::readAllBytes)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("changed while it was being read")
          .hasCauseInstanceOf(PreconditionFailedException.class);
    }
  }

  @Test
  void get_unchangedBlob_readsEveryChunkOfOneVersion() throws IOException {
    String key = key("chunks.bin");
    byte[] content = new byte[5 * BLOCK + 123];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i % 251);
    }
    BlobInfo put = put(key, content, PutOptions.none());
    try (Blob blob = driver.get(key, null)) {
      assertThat(blob.info().etag()).isEqualTo(put.etag());
      assertThat(blob.info().size()).isEqualTo(content.length);
      assertThat(blob.readAllBytes()).isEqualTo(content);
    }
  }

  @Test
  void put_staleIfMatch_maps412ToPreconditionFailed() throws IOException {
    String key = key("cas");
    BlobInfo v1 = put(key, "v1".getBytes(UTF_8), PutOptions.none());
    put(key, "v2".getBytes(UTF_8), PutOptions.none());
    assertThatThrownBy(() -> put(key, "v3".getBytes(UTF_8), PutOptions.none().ifMatch(v1.etag())))
        .isInstanceOf(PreconditionFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            BlobStorageException.class, e -> assertThat(e.getStatusCode()).isEqualTo(412));
  }

  @Test
  void put_ifNoneMatchOnExistingBlob_mapsToPreconditionFailed() throws IOException {
    String key = key("create-only");
    put(key, "first".getBytes(UTF_8), PutOptions.none());
    assertThatThrownBy(() -> put(key, "second".getBytes(UTF_8), PutOptions.none().ifNoneMatch()))
        .isInstanceOf(PreconditionFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            BlobStorageException.class, e -> assertThat(e.getStatusCode()).isIn(409, 412));
  }

  @Test
  void put_staleIfMatchOnStagedUpload_failsAtCommit() throws IOException {
    String key = key("cas-large");
    BlobInfo v1 = put(key, filled(3 * BLOCK, 'a'), PutOptions.none());
    put(key, filled(3 * BLOCK, 'b'), PutOptions.none());
    assertThatThrownBy(() -> put(key, filled(3 * BLOCK, 'c'), PutOptions.none().ifMatch(v1.etag())))
        .isInstanceOf(PreconditionFailedException.class);
    try (Blob blob = driver.get(key, null)) {
      assertThat(blob.readAllBytes()).containsOnly((byte) 'b');
    }
  }

  @Test
  void putBytes_singleShot_keepsTypeMetadataAndEtagOfTheStoredVersion() throws IOException {
    String key = key("bytes.txt");
    PutOptions options =
        PutOptions.none().contentType("text/plain").metadata(Map.of("owner", "team-a"));
    BlobInfo put = driver.put(key, "hello".getBytes(UTF_8), options);

    BlobInfo stat = driver.stat(key);
    assertThat(put.size()).isEqualTo(5);
    assertThat(put.etag()).isEqualTo(stat.etag());
    assertThat(stat.contentType()).isEqualTo("text/plain");
    assertThat(stat.metadata()).containsEntry("owner", "team-a");
    try (Blob blob = driver.get(key, null)) {
      assertThat(blob.readAllBytes()).isEqualTo("hello".getBytes(UTF_8));
    }
  }

  @Test
  void putBytes_conditions_areEvaluatedByTheService() throws IOException {
    String key = key("bytes-cas");
    BlobInfo v1 = driver.put(key, "v1".getBytes(UTF_8), PutOptions.none().ifNoneMatch());
    BlobInfo v2 = driver.put(key, "v2".getBytes(UTF_8), PutOptions.none().ifMatch(v1.etag()));

    assertThatThrownBy(
            () -> driver.put(key, "v3".getBytes(UTF_8), PutOptions.none().ifMatch(v1.etag())))
        .isInstanceOf(PreconditionFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            BlobStorageException.class, e -> assertThat(e.getStatusCode()).isEqualTo(412));
    assertThatThrownBy(() -> driver.put(key, "v4".getBytes(UTF_8), PutOptions.none().ifNoneMatch()))
        .isInstanceOf(PreconditionFailedException.class);
    assertThat(driver.stat(key).etag()).isEqualTo(v2.etag());
  }

  @Test
  void putBytes_largerThanOneBlock_isStagedAndCommittedUnderTheCondition() throws IOException {
    String key = key("bytes-large");
    byte[] content = new byte[3 * BLOCK + 17];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i % 251);
    }
    BlobInfo v1 = driver.put(key, content, PutOptions.none().contentType("application/x-test"));
    driver.put(key, filled(2 * BLOCK, 'b'), PutOptions.none());

    assertThat(v1.size()).isEqualTo(content.length);
    assertThatThrownBy(
            () -> driver.put(key, filled(3 * BLOCK, 'c'), PutOptions.none().ifMatch(v1.etag())))
        .isInstanceOf(PreconditionFailedException.class);
    try (Blob blob = driver.get(key, null)) {
      assertThat(blob.readAllBytes()).hasSize(2 * BLOCK).containsOnly((byte) 'b');
    }
    BlobInfo v3 = driver.put(key, content, PutOptions.none().contentType("application/x-test"));
    try (Blob blob = driver.get(key, null)) {
      assertThat(blob.info().etag()).isEqualTo(v3.etag());
      assertThat(blob.info().contentType()).isEqualTo("application/x-test");
      assertThat(blob.readAllBytes()).isEqualTo(content);
    }
  }

  @Test
  void create_createContainerTrue_createsMissingContainer() {
    String container = "auto-" + UUID.randomUUID().toString().substring(0, 8);
    try (BlobStoreDriver created = create(container, Map.of("create-container", "true"))) {
      assertThat(((BlobContainerClient) created.nativeClient()).exists()).isTrue();
      assertThat(created.health().state()).isEqualTo(Health.State.UP);
    }
  }

  @Test
  void missingContainer_healthIsDownAndWritesSayHowToFix() {
    String container = "absent-" + UUID.randomUUID().toString().substring(0, 8);
    try (BlobStoreDriver absent = create(container, Map.of())) {
      Health health = absent.health();
      assertThat(health.state()).isEqualTo(Health.State.DOWN);
      assertThat(health.detail()).contains("PLINTH_STORAGE_AZURE_BLOB_CREATE_CONTAINER=true");
      assertThatThrownBy(
              () -> absent.put("k", new ByteArrayInputStream(new byte[] {1}), 1, PutOptions.none()))
          .isInstanceOf(ProviderUnavailableException.class)
          .hasMessageContaining(container);
      assertThatThrownBy(() -> absent.put("k", new byte[] {1}, PutOptions.none()))
          .isInstanceOf(ProviderUnavailableException.class)
          .hasMessageContaining(container);
    }
  }

  @Test
  void presignGet_sasIsScopedToOneBlob() throws Exception {
    String key = key("scoped");
    put(key, "mine".getBytes(UTF_8), PutOptions.none());
    put(key + "-sibling", "other".getBytes(UTF_8), PutOptions.none());
    PresignedUrl url = driver.presign(key, PresignMethod.GET, Duration.ofMinutes(5));
    assertThat(url.url().getQuery()).contains("sig=").contains("sp=r");

    HttpClient http = HttpClient.newHttpClient();
    assertThat(status(http, url.url())).isEqualTo(200);
    URI sibling = URI.create(url.url().toString().replace("scoped?", "scoped-sibling?"));
    assertThat(status(http, sibling)).isEqualTo(403);
  }

  private static int status(HttpClient http, URI uri) throws Exception {
    return http.send(
            HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
