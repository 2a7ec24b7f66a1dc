package dev.plinth.azure.storage;

import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobItemProperties;
import com.azure.storage.blob.models.BlobProperties;
import dev.plinth.storage.BlobInfo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Builds {@link BlobInfo} from the SDK's models. ETags are always given in their quoted HTTP form,
 * because listings return them unquoted while headers quote them, and callers compare with {@code
 * equals}.
 */
final class BlobInfos {
  private BlobInfos() {}

  /**
   * Builds the info of a blob from its properties (a HEAD or a download response).
   *
   * @param key the key
   * @param p the properties
   * @return the info
   */
  static BlobInfo of(String key, BlobProperties p) {
    return new BlobInfo(
        key,
        p.getBlobSize(),
        quoted(p.getETag()),
        p.getContentType(),
        instant(p.getLastModified()),
        p.getMetadata());
  }

  /**
   * Builds the info of a listed blob.
   *
   * @param item the listing item (listed with metadata)
   * @return the info
   */
  static BlobInfo of(BlobItem item) {
    BlobItemProperties p = item.getProperties();
    Long size = p.getContentLength();
    Map<String, String> metadata = item.getMetadata();
    return new BlobInfo(
        item.getName(),
        size == null ? 0 : size,
        quoted(p.getETag()),
        p.getContentType(),
        instant(p.getLastModified()),
        metadata);
  }

  /**
   * Returns an ETag in its quoted form.
   *
   * @param etag an ETag, quoted or not
   * @return the quoted ETag
   */
  static String quoted(String etag) {
    if (etag == null || etag.isEmpty()) {
      return "\"\"";
    }
    return etag.startsWith("\"") ? etag : "\"" + etag + "\"";
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
