package dev.plinth.azure.auth;

/**
 * The discovery document or the key set could not be fetched or parsed. Checked, so the key cache
 * must decide whether to keep its last-good keys or report the issuer as unavailable.
 */
final class KeyFetchException extends Exception {
  private static final long serialVersionUID = 1L;

  KeyFetchException(String message) {
    super(message);
  }

  KeyFetchException(String message, Throwable cause) {
    super(message, cause);
  }
}
