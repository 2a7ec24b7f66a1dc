package dev.plinth.server.files;

/**
 * HTTP entity tags of blobs. Providers give ETags quoted or not; the HTTP side always sends them
 * quoted and compares them weakly, as RFC 9110 requires for {@code If-None-Match}.
 */
final class EntityTags {
  private EntityTags() {}

  /**
   * The {@code ETag} header value of a blob version.
   *
   * @param blobEtag the provider's ETag
   * @return the quoted tag, e.g. {@code "abc"}
   */
  static String header(String blobEtag) {
    return '"' + opaque(blobEtag) + '"';
  }

  /**
   * Tells whether an {@code If-None-Match} header matches the blob's current ETag.
   *
   * @param ifNoneMatch the header value (a list of tags or {@code *}), or null
   * @param blobEtag the provider's ETag
   * @return true if a 304 should be answered
   */
  static boolean matches(String ifNoneMatch, String blobEtag) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
      return false;
    }
    String current = opaque(blobEtag);
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.equals("*") || opaque(tag).equals(current)) {
        return true;
      }
    }
    return false;
  }

  /** Strips a weak prefix and the quotes, leaving the opaque part. */
  private static String opaque(String tag) {
    String t = tag.strip();
    if (t.startsWith("W/")) {
      t = t.substring(2);
    }
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
      t = t.substring(1, t.length() - 1);
    }
    return t;
  }
}
