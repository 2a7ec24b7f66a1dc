package dev.plinth.local.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Supplies the presign HMAC key: the configured secret, or one generated once and kept in {@code
 * <root>/.plinth/presign.key} (owner-only permissions) so URLs stay valid across restarts.
 */
final class PresignSecret {
  private static final int KEY_BYTES = 32;

  private PresignSecret() {}

  static byte[] resolve(Optional<String> configured, Path reservedDir) throws IOException {
    if (configured.isPresent() && !configured.get().isBlank()) {
      return configured.get().getBytes(StandardCharsets.UTF_8);
    }
    Path file = reservedDir.resolve("presign.key");
    if (!Files.exists(file)) {
      create(file);
    }
    return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
  }

  /** Writes a new key; if another process got there first, its key wins. */
  private static void create(Path file) throws IOException {
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    String encoded = Base64.getEncoder().encodeToString(key);
    Path temp =
        DurableFiles.stageSmall(
            file, out -> out.write(encoded.getBytes(StandardCharsets.US_ASCII)));
    try {
      restrictToOwner(temp);
      Files.createLink(file, temp); // atomic and fails if the key already exists
      DurableFiles.fsyncDirectory(file.getParent());
    } catch (FileAlreadyExistsException e) {
      // a concurrent process created it; use theirs
    } catch (UnsupportedOperationException e) {
      if (!Files.exists(file)) {
        Files.move(temp, file);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Non-POSIX filesystem: the file inherits the directory's ACLs.
    }
  }
}
