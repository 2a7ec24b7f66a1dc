package dev.plinth.server.backup;

import dev.plinth.error.NotFoundException;
import dev.plinth.storage.Blob;
import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.BlobPage;
import dev.plinth.storage.BlobStore;
import dev.plinth.storage.PutOptions;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Backup files in the SDK {@link BlobStore}, under {@code backups/<id>.jsonl.gz}. The blob's
 * metadata is the backup's record (see {@link BackupInfo}); ids start with the UTC time, so they
 * sort by age.
 */
final class BackupStore {
  /** The key prefix of every backup. */
  static final String PREFIX = "backups/";

  /** The key suffix of every backup. */
  static final String SUFFIX = ".jsonl.gz";

  /** The content type of a backup file. */
  static final String CONTENT_TYPE = "application/gzip";

  private static final Pattern ID = Pattern.compile("[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final BlobStore storage;

  BackupStore(BlobStore storage) {
    this.storage = storage;
  }

  /**
   * Makes a new id.
   *
   * @param now the current time
   * @return {@code <yyyyMMdd'T'HHmmss'Z'>-<8 hex>}
   */
  static String newId(Instant now) {
    byte[] random = new byte[4];
    RANDOM.nextBytes(random);
    return STAMP.format(now) + "-" + HexFormat.of().formatHex(random);
  }

  /**
   * Tells whether a text is a well-formed id (anything else cannot name a backup).
   *
   * @param id the text
   * @return true if it has the id's shape
   */
  static boolean isId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  BackupInfo put(String id, Path file, Map<String, String> metadata) {
    BlobInfo stored =
        storage.put(key(id), file, PutOptions.none().contentType(CONTENT_TYPE).metadata(metadata));
    return BackupInfo.of(id, stored);
  }

  Optional<BackupInfo> find(String id) {
    if (!isId(id)) {
      return Optional.empty();
    }
    try {
      return Optional.of(BackupInfo.of(id, storage.stat(key(id))));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * Lists the backups, newest first.
   *
   * @return the backups
   */
  List<BackupInfo> list() {
    List<BackupInfo> backups = new ArrayList<>();
    String token = null;
    do {
      BlobPage page = storage.list(PREFIX, 500, token);
      for (BlobInfo blob : page.items()) {
        String name = blob.key().substring(PREFIX.length());
        if (!name.endsWith(SUFFIX) || !isId(name.substring(0, name.length() - SUFFIX.length()))) {
          continue;
        }
        String id = name.substring(0, name.length() - SUFFIX.length());
        // Some providers list without user metadata: ask for it.
        backups.add(BackupInfo.of(id, blob.metadata().isEmpty() ? storage.stat(blob.key()) : blob));
      }
      token = page.continuationToken();
    } while (token != null);
    backups.sort(Comparator.comparing(BackupInfo::id).reversed());
    return backups;
  }

  /**
   * Opens a backup's content.
   *
   * @param id the backup id
   * @return the blob; the caller closes it
   * @throws NotFoundException if there is no such backup
   */
  Blob open(String id) {
    if (!isId(id)) {
      throw notFound(id);
    }
    try {
      return storage.get(key(id));
    } catch (NotFoundException e) {
      throw notFound(id);
    }
  }

  boolean delete(String id) {
    return isId(id) && storage.delete(key(id));
  }

  static NotFoundException notFound(String id) {
    return new NotFoundException(
        "No backup '" + id + "'; GET /api/v1/admin/backups lists the backups.");
  }

  private static String key(String id) {
    return PREFIX + id + SUFFIX;
  }
}
