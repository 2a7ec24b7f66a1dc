package dev.plinth.server.workflow;

import dev.plinth.error.PreconditionFailedException;
import jakarta.ws.rs.core.EntityTag;

/** Entity tags of versioned resources: the strong tag {@code "<version>"}. */
final class ETags {
  private ETags() {}

  static EntityTag of(long version) {
    return new EntityTag(Long.toString(version));
  }

  /**
   * Reads the version an {@code If-Match} header expects.
   *
   * @param ifMatch the header, e.g. {@code "3"} ({@code W/"3"} and bare {@code 3} accepted)
   * @return the version, or null for {@code *} (any version)
   * @throws PreconditionFailedException if the tag cannot be a version of this resource
   */
  static Long expectedVersion(String ifMatch) {
    String tag = ifMatch.trim();
    if (tag.equals("*")) {
      return null;
    }
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw new PreconditionFailedException(
          "If-Match " + ifMatch.trim() + " matches no version of this workflow.");
    }
  }
}
