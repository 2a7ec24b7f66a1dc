package dev.plinth.storage;

import java.util.List;

/**
 * One page of a blob listing.
 *
 * @param items the blobs, sorted by key
 * @param continuationToken pass to the next {@code list} call, or null when this is the last page
 */
public record BlobPage(List<BlobInfo> items, String continuationToken) {

  /**
   * Creates a page.
   *
   * @param items the blobs, sorted by key
   * @param continuationToken the next page's token, or null
   */
  public BlobPage {
    items = List.copyOf(items);
  }

  /**
   * Tells whether another page follows.
   *
   * @return true if {@link #continuationToken()} is set
   */
  public boolean hasMore() {
    return continuationToken != null;
  }
}
