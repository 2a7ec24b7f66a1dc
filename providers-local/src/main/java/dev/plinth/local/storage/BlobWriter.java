package dev.plinth.local.storage;

import dev.plinth.error.InvalidKeyException;
import dev.plinth.error.PreconditionFailedException;
import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.PutOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

/**
 * The write path: writes the content and its sidecar into temp files outside any lock, then, under
 * the key lock, checks the condition and renames data and sidecar into place. A failed or refused
 * write deletes its temp files and leaves the stored blob untouched.
 */
final class BlobWriter {
  private final BlobLayout layout;
  private final KeyLocks locks;
  private final ConsistentReader reader;
  private final SidecarCache cache;
  private final Clock clock;
  private final Fsync fsync;

  BlobWriter(
      BlobLayout layout,
      KeyLocks locks,
      ConsistentReader reader,
      SidecarCache cache,
      Clock clock,
      Fsync fsync) {
    this.layout = layout;
    this.locks = locks;
    this.reader = reader;
    this.cache = cache;
    this.clock = clock;
    this.fsync = fsync;
  }

  BlobInfo put(String key, InputStream content, long length, PutOptions options)
      throws IOException {
    Path data = dataPathOf(key);
    DurableFiles.Staged staged = stage(key, () -> DurableFiles.write(data, content, length));
    return commit(key, data, staged, length, options);
  }

  /** Writes content already in memory: the array goes to the file without a copy buffer. */
  BlobInfo put(String key, byte[] content, PutOptions options) throws IOException {
    Path data = dataPathOf(key);
    DurableFiles.Staged staged = stage(key, () -> DurableFiles.write(data, content));
    return commit(key, data, staged, content.length, options);
  }

  /**
   * Makes a written data temp file durable, stages its sidecar and moves both in place.
   *
   * <p>Why this order is crash-safe. A reader pairs a data file with a sidecar only when the
   * sidecar names that data file's inode ({@link Sidecar#describes}), so no order of renames can
   * make it serve one version's bytes with another's ETag; the order decides which states a crash
   * can leave. (1) Both temp files are forced before either is renamed, so a rename that reaches
   * the disk never exposes an empty or torn file. (2) The data file is renamed and its directory
   * fsynced before the sidecar is renamed: a crash can leave the old version, the new version, or
   * new data with the old sidecar (which a locked read repairs from the data), never a new sidecar
   * over old data. (3) The sidecar's directory is fsynced before the put returns. Forcing the two
   * temp files at the same time (on a second thread) was measured in session 3 and not kept: a few
   * per cent faster for 1 MiB puts, slower for 4 KiB ones (docs/BENCHMARKS.md, "Session 3").
   */
  private BlobInfo commit(
      String key, Path data, DurableFiles.Staged staged, long length, PutOptions options)
      throws IOException {
    Path sidecarFile = layout.sidecarPath(key);
    Path sidecarTemp = null;
    try {
      if (length >= 0 && staged.size() != length) {
        throw new IllegalArgumentException(
            "Put of '"
                + key
                + "' declared "
                + length
                + " bytes but the stream had "
                + staged.size()
                + "; pass the exact length or -1");
      }
      fsync.file(staged.temp(), staged.channel());
      staged.channel().close(); // before the rename: Windows renames only unopened files
      BlobInfo info =
          new BlobInfo(
              key,
              staged.size(),
              staged.sha256(),
              options.effectiveContentType(),
              clock.instant(),
              options.metadata());
      Sidecar sidecar =
          new Sidecar(UUID.randomUUID().toString(), DurableFiles.dataId(staged.temp()), info);
      sidecarTemp = DurableFiles.stageSmall(sidecarFile, sidecar::write, fsync);
      try (KeyLocks.Held held = locks.acquire(key)) {
        checkPreconditions(key, options);
        cache.stampLater(sidecarTemp, sidecarFile); // before any rename: a failure changes nothing
        DurableFiles.moveInto(staged.temp(), data, fsync);
        DurableFiles.moveInto(sidecarTemp, sidecarFile, fsync);
      }
      return info;
    } finally {
      try {
        staged.channel().close();
      } finally {
        Files.deleteIfExists(staged.temp());
        if (sidecarTemp != null) {
          Files.deleteIfExists(sidecarTemp);
        }
      }
    }
  }

  boolean delete(String key) throws IOException {
    Path data = layout.dataPath(key);
    Path sidecarFile = layout.sidecarPath(key);
    boolean existed;
    try (KeyLocks.Held held = locks.acquire(key)) {
      // Data first: a reader that still finds the sidecar retries and then sees "not found".
      existed = Files.isRegularFile(data) && Files.deleteIfExists(data);
      Files.deleteIfExists(sidecarFile);
      cache.invalidate(sidecarFile);
    }
    if (existed) {
      fsync.directory(data.getParent());
      BlobLayout.pruneEmptyParents(data.getParent(), layout.root());
      BlobLayout.pruneEmptyParents(sidecarFile.getParent(), layout.metaRoot());
    }
    return existed;
  }

  private Path dataPathOf(String key) {
    Path data = layout.dataPath(key);
    if (Files.isDirectory(data)) {
      throw prefixConflict(key);
    }
    return data;
  }

  private static DurableFiles.Staged stage(String key, StageCall call) throws IOException {
    try {
      return call.stage();
    } catch (FileAlreadyExistsException e) {
      throw prefixConflict(key);
    } catch (FileSystemException e) {
      if (!(e instanceof NoSuchFileException) && "Not a directory".equals(e.getReason())) {
        throw prefixConflict(key);
      }
      throw e;
    }
  }

  /** Writes the data temp file. */
  @FunctionalInterface
  private interface StageCall {
    DurableFiles.Staged stage() throws IOException;
  }

  private void checkPreconditions(String key, PutOptions options) throws IOException {
    if (!options.isIfNoneMatch() && options.ifMatchEtag() == null) {
      return;
    }
    Sidecar current = reader.currentLocked(key);
    if (options.isIfNoneMatch() && current != null) {
      throw new PreconditionFailedException(
          "Blob '"
              + key
              + "' already exists and the put was create-only (ifNoneMatch); "
              + "read it or write without the condition");
    }
    String expected = options.ifMatchEtag();
    if (expected != null && (current == null || !expected.equals(current.info().etag()))) {
      throw new PreconditionFailedException(
          "Blob '"
              + key
              + "' "
              + (current == null ? "does not exist" : "has changed")
              + " (ifMatch "
              + expected
              + "); re-read it and retry with its current ETag");
    }
  }

  private static InvalidKeyException prefixConflict(String key) {
    return new InvalidKeyException(
        "Key '"
            + key
            + "' clashes with an existing blob or prefix of the same name; the "
            + "filesystem provider cannot store both 'a' and 'a/b'. Choose another key");
  }
}
