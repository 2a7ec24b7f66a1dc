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
    checkKey(key);
    return root.resolve(key);
  }

  /** Returns the sidecar file of a key. */
  Path sidecarPath(String key) {
    checkKey(key);
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

  private void checkKey(String key) {
    if (key == null || key.isEmpty()) {
      throw new InvalidKeyException("Blob key must not be empty");
    }
    String[] segments = key.split("/", -1);
    if (segments[0].equals(RESERVED)) {
      throw new InvalidKeyException(
          "Key '" + key + "' is in the reserved namespace '" + RESERVED + "/'; choose another key");
    }
    for (String segment : segments) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new InvalidKeyException(
            "Key '" + key + "' has an empty, '.' or '..' segment; use plain '/'-separated names");
      }
    }
    if (isTempName(segments[segments.length - 1])) {
      throw new InvalidKeyException(
          "Key '" + key + "' looks like a filesystem provider temp file; choose another name");
    }
    if (!root.resolve(key).normalize().startsWith(root)) {
      throw new InvalidKeyException("Key '" + key + "' resolves outside the storage root");
    }
  }
}
