package dev.plinth.azure.storage;

import com.azure.storage.blob.models.BlobStorageException;
import dev.plinth.error.PreconditionFailedException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The content of an open Azure blob. The SDK's {@code BlobInputStream} downloads the blob in chunks
 * and pins every chunk after the first to the first response's ETag ({@code If-Match}); this
 * wrapper turns the resulting HTTP 412 into an {@link IOException} that says the blob changed
 * mid-read (its cause is a {@link PreconditionFailedException}), so a reader never gets a mix of
 * two versions and knows to reopen.
 */
final class PinnedBlobStream extends FilterInputStream {
  private final String key;
  private final String etag;

  /**
   * Wraps an open blob stream.
   *
   * @param in the SDK stream
   * @param key the key, for messages
   * @param etag the ETag of the version being read
   */
  PinnedBlobStream(InputStream in, String key, String etag) {
    super(in);
    this.key = key;
    this.etag = etag;
  }

  @Override
  public int read() throws IOException {
    try {
      return super.read();
    } catch (IOException | RuntimeException e) {
      throw translate(e);
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    try {
      return super.read(buffer, offset, length);
    } catch (IOException | RuntimeException e) {
      throw translate(e);
    }
  }

  @Override
  public long skip(long n) throws IOException {
    try {
      return super.skip(n);
    } catch (IOException | RuntimeException e) {
      throw translate(e);
    }
  }

  private IOException translate(Exception e) {
    BlobStorageException storage = AzureErrors.find(e, BlobStorageException.class);
    if (storage != null && storage.getStatusCode() == 412) {
      String message =
          "Blob '"
              + key
              + "' changed while it was being read (the version with ETag "
              + etag
              + " is gone); reopen it to read the new version";
      return new IOException(message, new PreconditionFailedException(message, e));
    }
    return e instanceof IOException io
        ? io
        : new IOException("Reading blob '" + key + "' failed", e);
  }
}
