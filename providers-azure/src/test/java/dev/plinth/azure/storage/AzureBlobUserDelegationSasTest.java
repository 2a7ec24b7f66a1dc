package dev.plinth.azure.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.azure.storage.blob.models.BlobStorageException;
import dev.plinth.core.storage.PortableBlobStore;
import dev.plinth.error.AuthorizationException;
import dev.plinth.storage.Blob;
import dev.plinth.storage.PresignMethod;
import dev.plinth.storage.PresignedUrl;
import dev.plinth.storage.PutOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The passwordless azure-blob provider presigns with user delegation keys (Get User Delegation Key
 * with its Entra ID token), and Azurite with OAuth validates those SAS: they grant exactly the
 * signed blob, permission and lifetime to a client with no token or key.
 */
class AzureBlobUserDelegationSasTest {
  @TempDir static Path azuriteHome;
  private static AzuriteOAuth azurite;
  private static PortableBlobStore store;

  @BeforeAll
  static void start() throws Exception {
    azurite = AzuriteOAuth.start(azuriteHome, "sas");
    store = azurite.store();
  }

  @AfterAll
  static void stop() {
    if (azurite != null) {
      azurite.close();
    }
  }

  @Test
  void presign_tokenCredential_signsUserDelegationSasForTheTokensIdentity() {
    PresignedUrl url = store.presign(key("udk"), PresignMethod.GET, Duration.ofMinutes(5));

    Map<String, String> query = query(url.url());
    assertThat(query)
        .containsEntry("skoid", azurite.credential().objectId())
        .containsEntry("sktid", azurite.credential().tenantId())
        .containsEntry("sks", "b")
        .containsEntry("sp", "r")
        .containsEntry("sr", "b")
        .containsKeys("skt", "ske", "skv", "sig");
  }

  @Test
  void presignGet_plainClientWithoutToken_downloads() throws Exception {
    String key = key("get");
    store.put(key, "delegated read".getBytes(UTF_8), PutOptions.none());
    PresignedUrl url = store.presign(key, PresignMethod.GET, Duration.ofMinutes(5));

    HttpResponse<byte[]> response = azurite.send("GET", url.url(), null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new String(response.body(), UTF_8)).isEqualTo("delegated read");
    assertThat(response.request().headers().firstValue("Authorization")).isEmpty();
  }

  @Test
  void blobUrl_withoutSas_isRefused() throws Exception {
    String key = key("private");
    store.put(key, "private".getBytes(UTF_8), PutOptions.none());
    URI bare = URI.create(azurite.blobEndpoint() + "/sas/" + key);

    assertRefused(azurite.send("GET", bare, null), 403, "AuthorizationFailure");
  }

  @Test
  void presignPut_plainClientWithoutToken_uploads() throws Exception {
    String key = key("put");
    PresignedUrl url = store.presign(key, PresignMethod.PUT, Duration.ofMinutes(5));

    HttpResponse<byte[]> response = azurite.send("PUT", url.url(), "delegated".getBytes(UTF_8));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(read(key)).isEqualTo("delegated");
  }

  @Test
  void presignGet_expired_isRefused() throws Exception {
    String key = key("expiring");
    store.put(key, "soon gone".getBytes(UTF_8), PutOptions.none());
    PresignedUrl url = store.presign(key, PresignMethod.GET, Duration.ofSeconds(1));

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> azurite.send("GET", url.url(), null).statusCode() != 200);

    assertThat(Instant.now()).isAfter(url.expiresAt());
    assertRefused(azurite.send("GET", url.url(), null), 403, "AuthorizationFailure");
  }

  @Test
  void presignGet_permissionRaisedToWrite_isRefused() throws Exception {
    String key = key("tamper");
    store.put(key, "original".getBytes(UTF_8), PutOptions.none());
    URI signed = store.presign(key, PresignMethod.GET, Duration.ofMinutes(5)).url();
    URI forged = URI.create(signed.toString().replace("sp=r&", "sp=rcw&"));
    assertThat(forged).isNotEqualTo(signed);

    assertRefused(
        azurite.send("PUT", forged, "overwritten".getBytes(UTF_8)), 403, "AuthorizationFailure");
    assertThat(read(key)).isEqualTo("original");
  }

  @Test
  void presignGet_otherIdentity_isRefused() throws Exception {
    String key = key("identity");
    store.put(key, "mine".getBytes(UTF_8), PutOptions.none());
    URI signed = store.presign(key, PresignMethod.GET, Duration.ofMinutes(5)).url();
    URI forged =
        URI.create(
            signed
                .toString()
                .replace(azurite.credential().objectId(), UUID.randomUUID().toString()));

    assertRefused(azurite.send("GET", forged, null), 403, "AuthorizationFailure");
  }

  @Test
  void presignGet_usedForAnotherBlob_isRefused() throws Exception {
    String folder = key("folder");
    store.put(folder + "/secret", "secret".getBytes(UTF_8), PutOptions.none());
    store.put(folder + "/public", "public".getBytes(UTF_8), PutOptions.none());
    URI signed = store.presign(folder + "/public", PresignMethod.GET, Duration.ofMinutes(5)).url();
    URI other = URI.create(signed.toString().replace("public?", "secret?"));
    assertThat(other).isNotEqualTo(signed);
    assertThat(azurite.send("GET", signed, null).statusCode()).isEqualTo(200);

    assertRefused(azurite.send("GET", other, null), 403, "AuthorizationFailure");
  }

  @Test
  void presignGet_usedToWrite_isRefused() throws Exception {
    URI signed = store.presign(key("read-only"), PresignMethod.GET, Duration.ofMinutes(5)).url();

    assertRefused(
        azurite.send("PUT", signed, "x".getBytes(UTF_8)), 403, "AuthorizationPermissionMismatch");
  }

  @Test
  void openStore_tokenFromForeignIssuer_isRefused() {
    EmulatorEntraCredential foreign =
        EmulatorEntraCredential.issuedBy("https://login.example.com/");

    assertThatThrownBy(() -> azurite.openStore(foreign, "foreign").close())
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("HTTP 403")
        .cause()
        .isInstanceOfSatisfying(
            BlobStorageException.class,
            e -> assertThat(e.getServiceMessage()).contains("Invalid token issuer"));
    assertThat(foreign.requestedScopes()).contains("https://storage.azure.com/.default");
  }

  private static void assertRefused(HttpResponse<byte[]> response, int status, String code) {
    assertThat(response.statusCode()).as(new String(response.body(), UTF_8)).isEqualTo(status);
    assertThat(response.headers().firstValue("x-ms-error-code")).contains(code);
  }

  private static String read(String key) {
    try (Blob blob = store.get(key)) {
      return new String(blob.readAllBytes(), UTF_8);
    }
  }

  private static String key(String name) {
    return "udk-" + UUID.randomUUID() + "/" + name;
  }

  private static Map<String, String> query(URI url) {
    return Arrays.stream(url.getRawQuery().split("&"))
        .map(pair -> pair.split("=", 2))
        .collect(
            Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p.length > 1 ? p[1] : "", UTF_8)));
  }
}
