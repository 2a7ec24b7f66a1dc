package dev.plinth.local.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.plinth.error.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Persists the dev issuer's signing keys (private halves included) as one JSON file under {@code
 * plinth.auth.dev.key-dir}, so that tokens issued before a restart stay valid after it. The file is
 * written atomically and, where the file system allows, readable by its owner only.
 */
final class KeyFile {
  static final String KEY = "plinth.auth.dev.key-dir";
  private static final String FILE_NAME = "dev-signing-keys.json";

  private final Path path;

  KeyFile(Path dir) {
    this.path = dir.resolve(FILE_NAME);
  }

  /**
   * Loads the saved keys, current first.
   *
   * @return the keys, or an empty list if none were saved yet
   */
  List<SigningKeys.Entry> load() {
    if (!Files.exists(path)) {
      return List.of();
    }
    try {
      Map<String, Object> json = JSONObjectUtils.parse(Files.readString(path));
      Map<String, Object> retired = JSONObjectUtils.getJSONObject(json, "retiredAt");
      List<SigningKeys.Entry> entries = new ArrayList<>();
      for (JWK jwk : JWKSet.parse(JSONObjectUtils.getJSONObject(json, "jwks")).getKeys()) {
        Object at = retired == null ? null : retired.get(jwk.getKeyID());
        Instant retiredAt = at instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : null;
        entries.add(new SigningKeys.Entry((RSAKey) jwk, retiredAt));
      }
      return entries;
    } catch (IOException | ParseException | ClassCastException e) {
      throw new ConfigurationException(
          KEY,
          "Cannot read the dev signing keys from "
              + path
              + ". Delete the file to start with new keys (earlier tokens then stop verifying).",
          e);
    }
  }

  /**
   * Saves the keys, replacing the file atomically.
   *
   * @param entries the keys, current first
   */
  void save(List<SigningKeys.Entry> entries) {
    List<JWK> keys = new ArrayList<>();
    Map<String, Object> retired = new LinkedHashMap<>();
    for (SigningKeys.Entry entry : entries) {
      keys.add(entry.key());
      if (entry.retiredAt() != null) {
        retired.put(entry.key().getKeyID(), entry.retiredAt().toEpochMilli());
      }
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("jwks", new JWKSet(keys).toJSONObject(false));
    json.put("retiredAt", retired);
    try {
      Files.createDirectories(path.getParent());
      Path temp = Files.createTempFile(path.getParent(), FILE_NAME, ".tmp");
      ownerOnly(temp);
      Files.writeString(temp, JSONObjectUtils.toJSONString(json), StandardCharsets.UTF_8);
      try {
        Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new ConfigurationException(
          KEY,
          "Cannot write the dev signing keys to "
              + path
              + ". Point "
              + KEY
              + " (PLINTH_AUTH_DEV_KEY_DIR) at a writable directory.",
          e);
    }
  }

  private static void ownerOnly(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      // Not a POSIX file system (e.g. Windows): the directory's own permissions apply.
    }
  }
}
