package dev.plinth.core.storage;

import dev.plinth.error.PlinthException;

/**
 * A blob is larger than the provider's {@code storage.max-blob-bytes} limit; nothing was stored.
 * Servers map it to HTTP 413.
 */
public final class BlobTooLargeException extends PlinthException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do about it
   */
  public BlobTooLargeException(String message) {
    super(message);
  }

  @Override
  public String code() {
    return "too-large";
  }
}
