package dev.plinth.storage;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What is known about one stored blob.
 *
 * @param key the blob key
 * @param size the size in bytes
 * @param etag an opaque version tag that changes whenever the content changes (quoted or not, as
 *     the provider gives it; compare with {@code equals})
 * @param contentType the MIME type, {@code application/octet-stream} when none was given
 * @param lastModified when this version was written
 * @param metadata user metadata (lower-case names)
 */
public record BlobInfo(
    String key,
    long size,
    String etag,
    String contentType,
    Instant lastModified,
    Map<String, String> metadata) {

  /**
   * Creates the info.
   *
   * @param key the blob key
   * @param size the size in bytes
   * @param etag the version tag
   * @param contentType the MIME type
   * @param lastModified the modification time
   * @param metadata user metadata
   */
  public BlobInfo {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(etag, "etag");
    contentType = contentType == null ? PutOptions.DEFAULT_CONTENT_TYPE : contentType;
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }
}
