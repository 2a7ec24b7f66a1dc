package dev.plinth.bench;

import dev.plinth.core.Platform;
import dev.plinth.storage.Blob;
import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.BlobStore;
import dev.plinth.storage.PutOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The {@code filesystem} blob store against raw NIO with the same durability: write a temporary
 * file in the target directory, fsync it, rename it atomically over the target and fsync the
 * directory. Reads stream the whole object through the same 64 KiB buffer on both sides. Full mode
 * adds 64 MiB to the sizes.
 */
@State(Scope.Benchmark)
public class FileSystemBenchmark {
  private static final int BUFFER = 64 * 1024;

  /** Object size in bytes. */
  @Param({"4096", "1048576"})
  public int size;

  private Path root;
  private Path rawDir;
  private Platform platform;
  private BlobStore store;
  private byte[] content;
  private final byte[] buffer = new byte[BUFFER];

  /**
   * Creates the directories, the platform and one object of each side to read.
   *
   * @throws IOException if the directories cannot be created
   */
  @Setup(Level.Trial)
  public void start() throws IOException {
    root = Files.createTempDirectory("plinth-bench-fs");
    rawDir = Files.createDirectories(root.resolve("raw"));
    platform =
        Platforms.only(
            "storage",
            "filesystem",
            Map.of("plinth.storage.filesystem.root", root.resolve("plinth").toString()));
    store = platform.storage();
    content = Payloads.random(size);
    store.put("read/object", content, PutOptions.none());
    rawWrite(rawDir.resolve("read-object"));
  }

  /** Closes the platform and deletes every file. */
  @TearDown(Level.Trial)
  public void stop() {
    platform.close();
    try (var paths = Files.walk(root)) {
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
    return store.put("write/object", content, PutOptions.none());
  }

  /**
   * Raw durable write of the object.
   *
   * @throws IOException if the write fails
   */
  @Benchmark
  public void put_raw() throws IOException {
    rawWrite(rawDir.resolve("write-object"));
  }

  /**
   * Plinth get, streaming the whole object.
   *
   * @return the bytes read
   * @throws IOException if reading fails
   */
  @Benchmark
  public long get_plinth() throws IOException {
    try (Blob blob = store.get("read/object")) {
      return drain(blob.content());
    }
  }

  /**
   * Raw read, streaming the whole file.
   *
   * @return the bytes read
   * @throws IOException if reading fails
   */
  @Benchmark
  public long get_raw() throws IOException {
    try (InputStream in = Files.newInputStream(rawDir.resolve("read-object"))) {
      return drain(in);
    }
  }

  private void rawWrite(Path target) throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try (FileChannel channel =
        FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer bytes = ByteBuffer.wrap(content);
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
      dir.force(true);
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
