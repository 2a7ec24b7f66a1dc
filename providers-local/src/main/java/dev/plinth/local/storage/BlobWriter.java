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
 * The write path: streams the content into a temp file outside any lock, then, under the key lock,
 * checks the condition and renames data and sidecar into place. A failed or refused write deletes
 * its temp files and leaves the stored blob untouched.
 */
final class BlobWriter {
  private final BlobLayout layout;
  private final KeyLocks locks;
  private final ConsistentReader reader;
  private final SidecarCache cache;
  private final Clock clock;

  BlobWriter(
      BlobLayout layout, KeyLocks locks, ConsistentReader reader, SidecarCache cache, Clock clock) {
    this.layout = layout;
    this.locks = locks;
    this.reader = reader;
    this.cache = cache;
    this.clock = clock;
  }

  BlobInfo put(String key, InputStream content, long length, PutOptions options)
      throws IOException {
    Path data = layout.dataPath(key);
    Path sidecarFile = layout.sidecarPath(key);
    if (Files.isDirectory(data)) {
      throw prefixConflict(key);
    }
    DurableFiles.Staged staged = stageData(key, data, content, length);
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
      sidecarTemp = DurableFiles.stageSmall(sidecarFile, sidecar::write);
      try (KeyLocks.Held held = locks.acquire(key)) {
        checkPreconditions(key, options);
        cache.stampLater(sidecarTemp, sidecarFile); // before any rename: a failure changes nothing
        DurableFiles.moveInto(staged.temp(), data);
        DurableFiles.moveInto(sidecarTemp, sidecarFile);
      }
      return info;
    } finally {
      Files.deleteIfExists(staged.temp());
      if (sidecarTemp != null) {
        Files.deleteIfExists(sidecarTemp);
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
      DurableFiles.fsyncDirectory(data.getParent());
      BlobLayout.pruneEmptyParents(data.getParent(), layout.root());
      BlobLayout.pruneEmptyParents(sidecarFile.getParent(), layout.metaRoot());
    }
    return existed;
  }

  private DurableFiles.Staged stageData(String key, Path data, InputStream content, long length)
      throws IOException {
    try {
      return DurableFiles.stage(data, content, length);
    } catch (FileAlreadyExistsException e) {
      throw prefixConflict(key);
    } catch (FileSystemException e) {
      if (!(e instanceof NoSuchFileException) && "Not a directory".equals(e.getReason())) {
        throw prefixConflict(key);
      }
      throw e;
    }
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
