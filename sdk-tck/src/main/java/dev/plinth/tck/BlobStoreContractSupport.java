package dev.plinth.tck;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.storage.Blob;
import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.BlobStore;
import dev.plinth.storage.PresignedUrl;
import dev.plinth.storage.PutOptions;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Hooks and helpers shared by the parts of {@link BlobStoreContract}. Extend {@link
 * BlobStoreContract}, not this class.
 */
public abstract class BlobStoreContractSupport {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** This test's private key space. */
  private final String prefix = "tck-" + UUID.randomUUID() + "/";

  /**
   * Returns this test's private key prefix (ends with {@code /}).
   *
   * @return the prefix
   */
  protected final String prefix() {
    return prefix;
  }

  /**
   * Returns the store under test, started once per test class.
   *
   * @return the store
   */
  protected abstract BlobStore blobStore();

  /**
   * Returns the size of the payload the streaming test puts and reads back. Providers with a
   * smaller limit (the memory store) override it.
   *
   * @return the size in bytes; 1 GiB by default
   */
  protected long largeBlobBytes() {
    return 1024L * 1024 * 1024;
  }

  /**
   * Downloads a presigned GET URL. The default does an HTTP GET for absolute {@code http(s)} URLs;
   * providers whose URLs a server of their own honours override it.
   *
   * @param url the presigned URL
   * @return the body
   * @throws Exception if the URL is rejected (expired, forged) or cannot be fetched
   */
  protected byte[] fetchPresigned(PresignedUrl url) throws Exception {
    HttpResponse<byte[]> response =
        HTTP.send(
            HttpRequest.newBuilder(requireAbsolute(url)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    requireSuccess(response.statusCode(), url);
    return response.body();
  }

  /**
   * Uploads through a presigned PUT URL. The default does an HTTP PUT (with the header Azure
   * requires); providers whose URLs a server of their own honours override it.
   *
   * @param url the presigned URL
   * @param content the bytes to upload
   * @throws Exception if the URL is rejected or the upload fails
   */
  protected void uploadPresigned(PresignedUrl url, byte[] content) throws Exception {
    HttpResponse<Void> response =
        HTTP.send(
            HttpRequest.newBuilder(requireAbsolute(url))
                .header("x-ms-blob-type", "BlockBlob")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    requireSuccess(response.statusCode(), url);
  }

  /**
   * Returns how long the expiry test waits for a short-lived URL to stop working (clock skew
   * allowances differ by backend).
   *
   * @return the maximum wait
   */
  protected Duration presignExpiryTimeout() {
    return Duration.ofSeconds(30);
  }

  /**
   * Returns a key in this test's private key space.
   *
   * @param name the key's last part
   * @return the full key
   */
  protected final String key(String name) {
    return prefix + name;
  }

  protected final BlobStore store() {
    return blobStore();
  }

  protected final BlobInfo put(String name, String content) {
    return store().put(key(name), content.getBytes(UTF_8), PutOptions.none());
  }

  protected final String read(String fullKey) {
    try (Blob blob = store().get(fullKey)) {
      return new String(blob.readAllBytes(), UTF_8);
    }
  }

  protected final boolean supports(String feature) {
    return store().capabilities().supports(feature);
  }

  protected static void assertUnsupported(ThrowingCallable call, String feature) {
    assertThatThrownBy(call)
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining(feature);
  }

  private static java.net.URI requireAbsolute(PresignedUrl url) {
    if (!url.url().isAbsolute()) {
      throw new AssertionError(
          "Presigned URL " + url.url() + " is relative: override fetchPresigned/uploadPresigned");
    }
    return url.url();
  }

  private static void requireSuccess(int status, PresignedUrl url) throws IOException {
    if (status / 100 != 2) {
      throw new IOException("HTTP " + status + " for presigned " + url.method());
    }
  }
}
