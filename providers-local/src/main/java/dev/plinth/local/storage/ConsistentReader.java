package dev.plinth.local.storage;

import dev.plinth.error.NotFoundException;
import dev.plinth.storage.BlobInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a blob's data file together with the sidecar of the same version, without locking in the
 * common case: stamp the sidecar (file key, time, size), take its parsed content from the {@link
 * SidecarCache} or parse it, open the data file, check that the data file is the one the sidecar
 * describes (by inode) and that the sidecar's stamp did not change meanwhile. A writer moves the
 * data file and then the sidecar, so a reader racing it just retries; if the mismatch persists it
 * takes the key lock, where only a crash can have left data and sidecar apart, and repairs that.
 */
final class ConsistentReader {
  private static final int OPTIMISTIC_ATTEMPTS = 16;

  private final BlobLayout layout;
  private final KeyLocks locks;
  private final SidecarCache cache;

  ConsistentReader(BlobLayout layout, KeyLocks locks, SidecarCache cache) {
    this.layout = layout;
    this.locks = locks;
    this.cache = cache;
  }

  /** An open data file and the sidecar that describes it. Close the channel when done. */
  record Opened(Sidecar sidecar, FileChannel channel) {}

  /** Opens a blob for reading. */
  Opened open(String key) throws IOException {
    return (Opened) read(key, true);
  }

  /** Reads a blob's info. */
  BlobInfo stat(String key) throws IOException {
    return ((Sidecar) read(key, false)).info();
  }

  /**
   * Reads the current sidecar while the caller holds the key lock.
   *
   * @return the sidecar, or null when the blob does not exist
   */
  Sidecar currentLocked(String key) throws IOException {
    try {
      return (Sidecar) readLocked(key, false);
    } catch (NotFoundException e) {
      return null;
    }
  }

  private Object read(String key, boolean withChannel) throws IOException {
    BlobLayout.KeyPaths paths = layout.paths(key);
    for (int attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt++) {
      Object result = tryRead(key, paths, withChannel);
      if (result != null) {
        return result;
      }
      Thread.yield();
    }
    try (KeyLocks.Held held = locks.acquire(key)) {
      return readLocked(key, withChannel);
    }
  }

  /**
   * One optimistic attempt; null means "a writer was mid-flight, try again". The sidecar's stamp
   * taken before opening the data file and again after reading its identity must be equal: then the
   * sidecar (parsed or cached for that stamp) is the version current while the data file was
   * opened, and it names that data file.
   */
  private Object tryRead(String key, BlobLayout.KeyPaths paths, boolean withChannel)
      throws IOException {
    Path data = paths.data();
    Path sidecarFile = paths.sidecar();
    SidecarCache.Stamp stamp = SidecarCache.stamp(sidecarFile);
    if (stamp == null) {
      if (!Files.isRegularFile(data)) {
        throw notFound(key);
      }
      return null;
    }
    FileChannel channel = null;
    try {
      Sidecar sidecar = cache.get(sidecarFile, stamp);
      boolean parsed = sidecar == null;
      if (parsed) {
        sidecar = Sidecar.read(key, sidecarFile);
      }
      if (sidecar != null) {
        channel = withChannel ? FileChannel.open(data, StandardOpenOption.READ) : null;
        String dataId = DurableFiles.dataId(data);
        if (stamp.equals(SidecarCache.stamp(sidecarFile)) && sidecar.describes(dataId)) {
          if (parsed) {
            cache.put(sidecarFile, stamp, sidecar);
          }
          return withChannel ? new Opened(sidecar, channel) : sidecar;
        }
      }
    } catch (FileSystemException e) {
      // data file replaced or deleted between the two reads: retry
    }
    if (channel != null) {
      channel.close();
    }
    return null;
  }

  private Object readLocked(String key, boolean withChannel) throws IOException {
    BlobLayout.KeyPaths paths = layout.paths(key);
    Path data = paths.data();
    Path sidecarFile = paths.sidecar();
    Sidecar sidecar = Sidecar.read(key, sidecarFile);
    if (!Files.isRegularFile(data)) {
      if (sidecar != null) {
        Files.deleteIfExists(sidecarFile); // left by a delete that crashed halfway
      }
      throw notFound(key);
    }
    if (sidecar == null || !sidecar.describes(DurableFiles.dataId(data))) {
      sidecar = repair(key, data, sidecarFile, sidecar);
    }
    return withChannel
        ? new Opened(sidecar, FileChannel.open(data, StandardOpenOption.READ))
        : sidecar;
  }

  /**
   * Rebuilds the sidecar of a data file left without a matching one by a crash between the two
   * renames: the ETag and size come from the data, type and metadata from the old sidecar.
   */
  private Sidecar repair(String key, Path data, Path sidecarFile, Sidecar stale)
      throws IOException {
    MessageDigest digest = DurableFiles.sha256();
    long size = 0;
    try (InputStream in = Files.newInputStream(data)) {
      byte[] buffer = new byte[DurableFiles.BUFFER_SIZE];
      for (int n; (n = in.read(buffer)) != -1; ) {
        digest.update(buffer, 0, n);
        size += n;
      }
    }
    BlobInfo old = stale == null ? null : stale.info();
    BlobInfo info =
        new BlobInfo(
            key,
            size,
            HexFormat.of().formatHex(digest.digest()),
            old == null ? null : old.contentType(),
            Files.getLastModifiedTime(data).toInstant(),
            old == null ? Map.of() : old.metadata());
    Sidecar repaired = new Sidecar(UUID.randomUUID().toString(), DurableFiles.dataId(data), info);
    Path temp = DurableFiles.stageSmall(sidecarFile, repaired::write);
    try {
      cache.stampLater(temp, sidecarFile);
      DurableFiles.moveInto(temp, sidecarFile);
    } finally {
      Files.deleteIfExists(temp);
    }
    return repaired;
  }

  static NotFoundException notFound(String key) {
    return new NotFoundException("Blob '" + key + "' does not exist");
  }
}
