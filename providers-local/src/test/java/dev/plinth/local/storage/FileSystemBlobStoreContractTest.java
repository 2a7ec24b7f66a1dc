package dev.plinth.local.storage;

import dev.plinth.core.storage.PortableBlobStore;
import dev.plinth.local.storage.PresignedUrlVerifier.Verdict;
import dev.plinth.storage.Blob;
import dev.plinth.storage.BlobStore;
import dev.plinth.storage.PresignMethod;
import dev.plinth.storage.PresignedUrl;
import dev.plinth.storage.PutOptions;
import dev.plinth.tck.BlobStoreContract;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.telemetry.Telemetry;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the blob store contract against the filesystem provider on a real directory. Presigned URLs
 * are relative, so this test plays the server: it verifies them with the driver's verifier.
 */
class FileSystemBlobStoreContractTest extends BlobStoreContract {
  private static final String BASE = "/blobs/";

  @TempDir static Path root;
  private static FileSystemBlobStoreDriver driver;
  private static PortableBlobStore store;

  @BeforeAll
  static void start() throws IOException {
    driver = new FileSystemBlobStoreDriver(root, null, "/blobs");
    store =
        new PortableBlobStore(
            "filesystem",
            driver,
            Telemetry.noop(),
            new MapPlinthConfig(Map.of(FileSystemBlobStoreProvider.ROOT_KEY, root.toString())));
  }

  @AfterAll
  static void stop() {
    store.close();
  }

  @Override
  protected BlobStore blobStore() {
    return store;
  }

  @Override
  protected byte[] fetchPresigned(PresignedUrl url) throws Exception {
    String key = verifiedKey(url.url(), PresignMethod.GET);
    try (Blob blob = store.get(key)) {
      return blob.readAllBytes();
    }
  }

  @Override
  protected void uploadPresigned(PresignedUrl url, byte[] content) throws Exception {
    store.put(verifiedKey(url.url(), PresignMethod.PUT), content, PutOptions.none());
  }

  /** Does what a server does with a presigned request: check the signature and expiry. */
  private static String verifiedKey(URI url, PresignMethod method) throws IOException {
    String rawPath = url.getRawPath();
    if (!rawPath.startsWith(BASE)) {
      throw new IOException("Not a presigned blob URL: " + url);
    }
    String key = URLDecoder.decode(rawPath.substring(BASE.length()), StandardCharsets.UTF_8);
    Map<String, String> query = new HashMap<>();
    for (String pair : url.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    if (!method.name().equals(query.get("method"))) {
      throw new IOException("HTTP 403: URL is for " + query.get("method"));
    }
    Verdict verdict =
        driver
            .presignVerifier()
            .verify(
                query.get("method"), key, Long.parseLong(query.get("expires")), query.get("sig"));
    if (verdict != Verdict.VALID) {
      throw new IOException("HTTP 403: " + verdict);
    }
    return key;
  }
}
