package dev.plinth.bench;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import dev.plinth.core.Platform;
import dev.plinth.storage.Blob;
import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.BlobStore;
import dev.plinth.storage.PutOptions;
import dev.plinth.testing.Azurite;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The {@code azure-blob} blob store against the raw Azure SDK ({@link BlobClient} upload and
 * download) on the same Azurite instance and the same container: the raw side uses the provider's
 * own {@link BlobContainerClient} ({@code unwrap}), so both share the HTTP pipeline. Reads stream
 * the whole object through the same 64 KiB buffer on both sides. Azurite (Node.js) runs as a child
 * process of the trial, started by the test-backends launcher; without Node.js or without the
 * npm-installed Azurite the trial fails with a message saying how to fix it.
 */
@State(Scope.Benchmark)
public class AzureBlobBenchmark {
  private static final int BUFFER = 64 * 1024;

  /** Object size in bytes. */
  @Param({"4096", "1048576"})
  public int size;

  private Path home;
  private Azurite azurite;
  private Platform platform;
  private BlobStore store;
  private BlobClient rawWrite;
  private BlobClient rawRead;
  private BinaryData content;
  private byte[] bytes;
  private final byte[] buffer = new byte[BUFFER];

  /**
   * Starts Azurite and the platform, and writes one object of each side to read.
   *
   * @throws IOException if Azurite's directory cannot be created
   */
  @Setup(Level.Trial)
  public void start() throws IOException {
    home = Files.createTempDirectory("plinth-bench-azurite");
    azurite = Azurite.start(home);
    platform =
        Platforms.only(
            "storage",
            "azure-blob",
            Map.of(
                "plinth.storage.azure-blob.connection-string", azurite.connectionString(),
                "plinth.storage.azure-blob.container", "bench",
                "plinth.storage.azure-blob.create-container", "true"));
    store = platform.storage();
    BlobContainerClient container = store.unwrap(BlobContainerClient.class);
    bytes = Payloads.random(size);
    content = BinaryData.fromBytes(bytes);
    store.put("plinth/read", bytes, PutOptions.none());
    rawWrite = container.getBlobClient("raw/write");
    rawRead = container.getBlobClient("raw/read");
    rawRead.upload(content, true);
  }

  /** Closes the platform, stops Azurite and deletes its data. */
  @TearDown(Level.Trial)
  public void stop() {
    if (platform != null) {
      platform.close();
    }
    if (azurite != null) {
      azurite.close();
    }
    try (var paths = Files.walk(home)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Plinth put of the object (overwrites one key).
   *
   * @return the stored object's info
   */
  @Benchmark
  public BlobInfo put_plinth() {
    return store.put("plinth/write", bytes, PutOptions.none());
  }

  /** Raw SDK upload of the object, overwriting (one request for both sizes, as Plinth's). */
  @Benchmark
  public void put_raw() {
    rawWrite.upload(content, true);
  }

  /**
   * Plinth get, streaming the whole object.
   *
   * @return the bytes read
   * @throws IOException if reading fails
   */
  @Benchmark
  public long get_plinth() throws IOException {
    try (Blob blob = store.get("plinth/read")) {
      return drain(blob.content());
    }
  }

  /**
   * Raw SDK download, streaming the whole object.
   *
   * @return the bytes read
   * @throws IOException if reading fails
   */
  @Benchmark
  public long get_raw() throws IOException {
    try (InputStream in = rawRead.openInputStream()) {
      return drain(in);
    }
  }

  private long drain(InputStream in) throws IOException {
    long total = 0;
    for (int n; (n = in.read(buffer)) != -1; ) {
      total += n;
    }
    return total;
  }
}
