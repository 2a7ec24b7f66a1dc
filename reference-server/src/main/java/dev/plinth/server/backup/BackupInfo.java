package dev.plinth.server.backup;

import dev.plinth.storage.BlobInfo;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stored backup as listed: its id, size and what its blob metadata says (the BlobStore is the
 * only record of backups; there is no table).
 *
 * @param id the backup id, {@code <yyyyMMdd'T'HHmmss'Z'>-<8 hex>}
 * @param size the file's size in bytes
 * @param createdAt when the snapshot was taken (ISO-8601), or null if unknown
 * @param createdBy who took or uploaded it, or null
 * @param source {@code snapshot} (taken by this server) or {@code upload}
 * @param formatVersion the line format version, or null
 * @param schemaVersion the schema version of the database it came from, or null
 * @param counts rows per table
 */
public record BackupInfo(
    String id,
    long size,
    String createdAt,
    String createdBy,
    String source,
    String formatVersion,
    String schemaVersion,
    Map<String, Long> counts) {

  /**
   * Copies the counts.
   *
   * @param id the id
   * @param size the size
   * @param createdAt the snapshot time
   * @param createdBy the creator
   * @param source snapshot or upload
   * @param formatVersion the format version
   * @param schemaVersion the schema version
   * @param counts rows per table
   */
  public BackupInfo {
    counts = Map.copyOf(counts);
  }

  /**
   * The blob metadata recording a backup (names are identifiers, values printable ASCII).
   *
   * @param header the backup's header
   * @param counts rows per table
   * @param createdBy the caller's subject
   * @param source snapshot or upload
   * @return the metadata
   */
  static Map<String, String> metadata(
      BackupHeader header, Map<String, Long> counts, String createdBy, String source) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("format_version", String.valueOf(header.formatVersion()));
    metadata.put("schema_version", header.schemaVersion());
    metadata.put("created_at", header.createdAt().toString());
    metadata.put("created_by", URLEncoder.encode(createdBy, StandardCharsets.UTF_8));
    metadata.put("source", source);
    StringBuilder text = new StringBuilder();
    counts.forEach(
        (table, count) -> text.append(text.length() == 0 ? "" : ",").append(table + ":" + count));
    metadata.put("counts", text.toString());
    return metadata;
  }

  /**
   * Reads a backup's info from its blob.
   *
   * @param id the backup id
   * @param blob the blob's info
   * @return the backup info
   */
  static BackupInfo of(String id, BlobInfo blob) {
    Map<String, String> metadata = blob.metadata();
    Map<String, Long> counts = new LinkedHashMap<>();
    String text = metadata.getOrDefault("counts", "");
    for (String entry : text.isEmpty() ? new String[0] : text.split(",")) {
      int colon = entry.lastIndexOf(':');
      try {
        counts.put(entry.substring(0, colon), Long.parseLong(entry.substring(colon + 1)));
      } catch (RuntimeException malformed) {
        // metadata edited by hand: list the backup without this count
      }
    }
    String createdBy = metadata.get("created_by");
    return new BackupInfo(
        id,
        blob.size(),
        metadata.get("created_at"),
        createdBy == null ? null : URLDecoder.decode(createdBy, StandardCharsets.UTF_8),
        metadata.get("source"),
        metadata.get("format_version"),
        metadata.get("schema_version"),
        counts);
  }

  /**
   * Renders the JSON view.
   *
   * @return {@code {"id","size","createdAt",...,"counts":{...}}}
   */
  public JsonObject toJson() {
    JsonObjectBuilder json = Json.createObjectBuilder().add("id", id).add("size", size);
    addIfPresent(json, "createdAt", createdAt);
    addIfPresent(json, "createdBy", createdBy);
    addIfPresent(json, "source", source);
    if (formatVersion != null) {
      try {
        json.add("formatVersion", Integer.parseInt(formatVersion));
      } catch (NumberFormatException e) {
        json.add("formatVersion", formatVersion);
      }
    }
    addIfPresent(json, "schemaVersion", schemaVersion);
    JsonObjectBuilder numbers = Json.createObjectBuilder();
    counts.forEach(numbers::add);
    return json.add("counts", numbers).build();
  }

  private static void addIfPresent(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }
}
