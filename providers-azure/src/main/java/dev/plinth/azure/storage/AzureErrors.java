package dev.plinth.azure.storage;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaderName;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobStorageException;
import dev.plinth.error.AuthorizationException;
import dev.plinth.error.NotFoundException;
import dev.plinth.error.PlinthException;
import dev.plinth.error.PreconditionFailedException;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.error.ThrottledException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Maps Azure SDK failures to Plinth's portable errors. Messages name the container and key and say
 * what to do; they never include credentials or SAS tokens.
 */
final class AzureErrors {
  private final String container;

  /**
   * Creates the mapper.
   *
   * @param container the container name, for messages
   */
  AzureErrors(String container) {
    this.container = container;
  }

  /**
   * Maps a failure of a read, delete, list or copy.
   *
   * @param op the operation, e.g. {@code get}
   * @param key the key or prefix
   * @param e the failure
   * @return the exception to throw
   */
  RuntimeException map(String op, String key, RuntimeException e) {
    if (e instanceof PlinthException || e instanceof IllegalArgumentException) {
      return e;
    }
    HttpResponseException http = find(e, HttpResponseException.class);
    if (http == null || http.getResponse() == null) {
      return transportFailure(op, key, e);
    }
    int status = http.getResponse().getStatusCode();
    BlobErrorCode code = http instanceof BlobStorageException b ? b.getErrorCode() : null;
    String where = "'" + key + "' in container '" + container + "'";
    if (BlobErrorCode.CONTAINER_NOT_FOUND.equals(code)) {
      return new ProviderUnavailableException(
          "Container '"
              + container
              + "' does not exist. Create it, or set PLINTH_STORAGE_AZURE_BLOB_CREATE_CONTAINER=true.",
          e);
    }
    return switch (status) {
      case 404 -> new NotFoundException("No blob " + where, e);
      case 412 ->
          new PreconditionFailedException(
              "The condition on blob " + where + " did not hold; nothing was changed", e);
      case 416 ->
          new IllegalArgumentException("The range starts at or beyond the end of blob " + where, e);
      case 401, 403 ->
          new AuthorizationException(
              "Azure Storage refused to "
                  + op
                  + " "
                  + where
                  + " (HTTP "
                  + status
                  + "). Grant the identity the 'Storage Blob Data Contributor' role on the container"
                  + " or check the account key / SAS.",
              e);
      case 429 -> throttled(op, where, http);
      case 503 ->
          BlobErrorCode.SERVER_BUSY.equals(code)
              ? throttled(op, where, http)
              : unavailable(op, where, status, e);
      case 500, 502, 504 -> unavailable(op, where, status, e);
      default ->
          new PlinthException(
              "Azure Storage failed to " + op + " " + where + ": HTTP " + status + " " + code, e);
    };
  }

  /**
   * Maps a failure of a conditional or plain write: a failed {@code If-Match} (412, or 404 when the
   * blob is gone) and a failed {@code If-None-Match: *} (409) become {@link
   * PreconditionFailedException}.
   *
   * @param key the key
   * @param conditional whether the write carried a condition
   * @param e the failure
   * @return the exception to throw
   */
  RuntimeException mapWrite(String key, boolean conditional, RuntimeException e) {
    BlobStorageException storage = find(e, BlobStorageException.class);
    if (conditional && storage != null) {
      int status = storage.getStatusCode();
      BlobErrorCode code = storage.getErrorCode();
      if (status == 409 && BlobErrorCode.BLOB_ALREADY_EXISTS.equals(code)
          || status == 404 && !BlobErrorCode.CONTAINER_NOT_FOUND.equals(code)) {
        return new PreconditionFailedException(
            "The condition on blob '"
                + key
                + "' in container '"
                + container
                + "' did not hold; nothing was written",
            e);
      }
    }
    return map("put", key, e);
  }

  private RuntimeException transportFailure(String op, String key, RuntimeException e) {
    if (find(e, ClientAuthenticationException.class) != null) {
      return new ProviderUnavailableException(
          "Could not get a Microsoft Entra ID token for Azure Storage ("
              + op
              + " '"
              + key
              + "'). Configure a managed identity, workload identity or 'az login', or set"
              + " PLINTH_STORAGE_AZURE_BLOB_CONNECTION_STRING.",
          e);
    }
    if (e instanceof UncheckedIOException || find(e, IOException.class) != null) {
      return new ProviderUnavailableException(
          "Azure Storage could not be reached to " + op + " '" + key + "': " + e.getMessage(), e);
    }
    return e;
  }

  private static ThrottledException throttled(String op, String where, HttpResponseException e) {
    Duration retryAfter = null;
    String header = e.getResponse().getHeaderValue(HttpHeaderName.RETRY_AFTER);
    if (header != null) {
      try {
        retryAfter = Duration.ofSeconds(Long.parseLong(header.trim()));
      } catch (NumberFormatException ignored) {
        // An HTTP date instead of seconds: leave the delay to the caller's backoff.
      }
    }
    return new ThrottledException(
        "Azure Storage throttled " + op + " " + where + "; retry later", retryAfter, e);
  }

  private static ProviderUnavailableException unavailable(
      String op, String where, int status, Exception e) {
    return new ProviderUnavailableException(
        "Azure Storage failed to " + op + " " + where + " (HTTP " + status + "); retry later", e);
  }

  /**
   * Finds an exception of a type in a cause chain.
   *
   * @param e the outermost exception
   * @param type the type wanted
   * @return the first match, or null
   */
  static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
