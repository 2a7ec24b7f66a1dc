package dev.plinth.local.storage;

import dev.plinth.error.InvalidKeyException;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Maps blob keys to files under the root: data at {@code <root>/<key>}, sidecars at {@code
 * <root>/.plinth/meta/<key>.properties}, lock files under {@code <root>/.plinth/locks}. Everything
 * under {@code .plinth} is reserved and never a blob.
 */
final class BlobLayout {
  /** The reserved top-level directory name. */
  static final String RESERVED = ".plinth";

  private static final String SIDECAR_SUFFIX = ".properties";
  private static final Pattern TEMP_NAME =
      Pattern.compile(
          "^\\..*\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.tmp$");

  private final Path root;
  private final Path reserved;
  private final Path metaRoot;
  private final Path lockRoot;

  BlobLayout(Path root) {
    this.root = root;
    this.reserved = root.resolve(RESERVED);
    this.metaRoot = reserved.resolve("meta");
    this.lockRoot = reserved.resolve("locks");
  }

  Path root() {
    return root;
  }

  Path reserved() {
    return reserved;
  }

  Path metaRoot() {
    return metaRoot;
  }

  Path lockRoot() {
    return lockRoot;
  }

  /**
   * Returns the data file of a key, refusing keys that would escape the root or hit reserved names.
   */
  Path dataPath(String key) {
    return checkedDataPath(key);
  }

  /** Returns the sidecar file of a key. */
  Path sidecarPath(String key) {
    checkedDataPath(key);
    return sidecarOf(key);
  }

  /** The data file and the sidecar of a key, checked once (a get needs both). */
  record KeyPaths(Path data, Path sidecar) {}

  /** Returns the data file and the sidecar of a key, refusing keys as {@link #dataPath} does. */
  KeyPaths paths(String key) {
    return new KeyPaths(checkedDataPath(key), sidecarOf(key));
  }

  private Path sidecarOf(String key) {
    return metaRoot.resolve(key + SIDECAR_SUFFIX);
  }

  /** Returns a fresh temp file name next to {@code target}. */
  static Path tempFor(Path target) {
    return target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
  }

  /** Tells whether a file name is one of our in-flight temp files. */
  static boolean isTempName(String name) {
    return TEMP_NAME.matcher(name).matches();
  }

  /**
   * Removes empty directories from {@code dir} upwards, stopping at (never removing) {@code stop}.
   * A concurrent writer may refill a directory at any time; then removal simply stops.
   */
  static void pruneEmptyParents(Path dir, Path stop) {
    Path current = dir;
    while (current != null && current.startsWith(stop) && !current.equals(stop)) {
      try {
        Files.delete(current);
      } catch (DirectoryNotEmptyException | NoSuchFileException e) {
        return;
      } catch (IOException e) {
        return; // best effort: a leftover empty directory is harmless
      }
      current = current.getParent();
    }
  }

  private Path checkedDataPath(String key) {
    if (key == null || key.isEmpty()) {
      throw new InvalidKeyException("Blob key must not be empty");
    }
    if (key.startsWith(RESERVED)
        && (key.length() == RESERVED.length() || key.charAt(RESERVED.length()) == '/')) {
      throw new InvalidKeyException(
          "Key '" + key + "' is in the reserved namespace '" + RESERVED + "/'; choose another key");
    }
    // One pass over the segments, no split or regex per call: a get checks its key on every call.
    int start = 0;
    int lastStart;
    while (true) {
      int end = key.indexOf('/', start);
      if (end < 0) {
        end = key.length();
      }
      if (isDotOrEmpty(key, start, end)) {
        throw new InvalidKeyException(
            "Key '" + key + "' has an empty, '.' or '..' segment; use plain '/'-separated names");
      }
      if (end == key.length()) {
        lastStart = start;
        break;
      }
      start = end + 1;
    }
    if (key.charAt(lastStart) == '.'
        && key.endsWith(".tmp")
        && isTempName(key.substring(lastStart))) {
      throw new InvalidKeyException(
          "Key '" + key + "' looks like a filesystem provider temp file; choose another name");
    }
    Path data = root.resolve(key);
    if (!data.normalize().startsWith(root)) {
      throw new InvalidKeyException("Key '" + key + "' resolves outside the storage root");
    }
    return data;
  }

  private static boolean isDotOrEmpty(String key, int start, int end) {
    int length = end - start;
    return length == 0
        || (length == 1 && key.charAt(start) == '.')
        || (length == 2 && key.charAt(start) == '.' && key.charAt(start + 1) == '.');
  }
}
