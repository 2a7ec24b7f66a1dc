package dev.plinth.storage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of a {@link BlobStore#put}: content type, user metadata and at most one condition.
 * Immutable; each {@code with...} method returns a copy.
 */
public final class PutOptions {
  /** The content type used when none is given. */
  public static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

  private static final PutOptions NONE = new PutOptions(null, Map.of(), null, false);

  private final String contentType;
  private final Map<String, String> metadata;
  private final String ifMatch;
  private final boolean ifNoneMatch;

  private PutOptions(
      String contentType, Map<String, String> metadata, String ifMatch, boolean ifNoneMatch) {
    this.contentType = contentType;
    this.metadata = metadata;
    this.ifMatch = ifMatch;
    this.ifNoneMatch = ifNoneMatch;
  }

  /**
   * Returns options with no content type, no metadata and no condition.
   *
   * @return the default options
   */
  public static PutOptions none() {
    return NONE;
  }

  /**
   * Returns a copy with a content type.
   *
   * @param type a MIME type such as {@code text/plain}
   * @return the new options
   */
  public PutOptions contentType(String type) {
    return new PutOptions(type, metadata, ifMatch, ifNoneMatch);
  }

  /**
   * Returns a copy with the given user metadata (replacing any set before).
   *
   * @param entries metadata names and values; names must be valid C# identifiers (Azure's rule)
   * @return the new options
   */
  public PutOptions metadata(Map<String, String> entries) {
    return new PutOptions(
        contentType, Map.copyOf(new LinkedHashMap<>(entries)), ifMatch, ifNoneMatch);
  }

  /**
   * Returns a copy that writes only if the current blob's ETag equals {@code etag}.
   *
   * @param etag the expected ETag
   * @return the new options
   */
  public PutOptions ifMatch(String etag) {
    if (ifNoneMatch) {
      throw new IllegalArgumentException("ifMatch and ifNoneMatch cannot be combined");
    }
    return new PutOptions(contentType, metadata, etag, false);
  }

  /**
   * Returns a copy that writes only if no blob exists under the key (create-only).
   *
   * @return the new options
   */
  public PutOptions ifNoneMatch() {
    if (ifMatch != null) {
      throw new IllegalArgumentException("ifMatch and ifNoneMatch cannot be combined");
    }
    return new PutOptions(contentType, metadata, null, true);
  }

  /**
   * Returns the content type.
   *
   * @return the MIME type, or null if none was set
   */
  public String contentType() {
    return contentType;
  }

  /**
   * Returns the content type to store.
   *
   * @return the content type, or {@link #DEFAULT_CONTENT_TYPE}
   */
  public String effectiveContentType() {
    return contentType == null ? DEFAULT_CONTENT_TYPE : contentType;
  }

  /**
   * Returns the user metadata.
   *
   * @return an unmodifiable map
   */
  public Map<String, String> metadata() {
    return metadata;
  }

  /**
   * Returns the ETag the current blob must have.
   *
   * @return the ETag, or null when there is no such condition
   */
  public String ifMatchEtag() {
    return ifMatch;
  }

  /**
   * Tells whether the write must only create.
   *
   * @return true for create-only
   */
  public boolean isIfNoneMatch() {
    return ifNoneMatch;
  }

  @Override
  public String toString() {
    return "PutOptions{contentType="
        + contentType
        + ", metadata="
        + metadata.keySet()
        + ", ifMatch="
        + ifMatch
        + ", ifNoneMatch="
        + ifNoneMatch
        + '}';
  }
}
