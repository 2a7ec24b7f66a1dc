package dev.plinth.local.storage;

import dev.plinth.storage.BlobInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The metadata file stored next to each blob: its ETag, size, content type, modification time, user
 * metadata, a random version id and the identity of the data file it describes (so a reader can
 * tell whether the data file it opened belongs to this sidecar).
 *
 * @param version a random id, new on every write
 * @param dataId the identity of the data file (inode where the OS has one)
 * @param info the blob info
 */
record Sidecar(String version, String dataId, BlobInfo info) {
  private static final String META_PREFIX = "meta.";

  /** Reads a sidecar, or returns null if there is none. */
  static Sidecar read(String key, Path file) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    } catch (NoSuchFileException e) {
      return null;
    }
    Map<String, String> metadata = new TreeMap<>();
    for (String name : p.stringPropertyNames()) {
      if (name.startsWith(META_PREFIX)) {
        metadata.put(name.substring(META_PREFIX.length()), p.getProperty(name));
      }
    }
    BlobInfo info =
        new BlobInfo(
            key,
            Long.parseLong(p.getProperty("size")),
            p.getProperty("etag"),
            p.getProperty("contentType"),
            Instant.parse(p.getProperty("lastModified")),
            metadata);
    return new Sidecar(p.getProperty("version"), p.getProperty("dataId"), info);
  }

  /** Writes this sidecar to a stream (the caller makes the file durable and moves it in place). */
  void write(OutputStream out) throws IOException {
    Properties p = new Properties();
    p.setProperty("version", version);
    p.setProperty("dataId", dataId);
    p.setProperty("size", Long.toString(info.size()));
    p.setProperty("etag", info.etag());
    p.setProperty("contentType", info.contentType());
    p.setProperty("lastModified", info.lastModified().toString());
    info.metadata().forEach((name, value) -> p.setProperty(META_PREFIX + name, value));
    p.store(out, "plinth blob sidecar");
  }

  /** Tells whether this sidecar describes the data file with the given identity. */
  boolean describes(String currentDataId) {
    return dataId.equals(currentDataId);
  }
}
