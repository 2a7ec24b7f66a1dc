package dev.plinth.spi.storage;

import dev.plinth.spi.Driver;
import dev.plinth.storage.Blob;
import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.BlobPage;
import dev.plinth.storage.ByteRange;
import dev.plinth.storage.PresignMethod;
import dev.plinth.storage.PresignedUrl;
import dev.plinth.storage.PutOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Backend primitives of a blob store. Keys, metadata, ranges and options arrive already validated
 * by sdk-core. A driver must make writes atomic, evaluate {@code ifMatch}/{@code ifNoneMatch}
 * atomically with the write (throwing {@link dev.plinth.error.PreconditionFailedException}), stream
 * with bounded memory, and throw {@link dev.plinth.error.NotFoundException} for missing blobs.
 * Other failures may be thrown as {@link IOException} or a {@link
 * dev.plinth.error.PlinthException}.
 */
public interface BlobStoreDriver extends Driver {

  /**
   * Writes a blob.
   *
   * @param key a valid key
   * @param content the content, read to its end
   * @param length the exact length, or -1 if unknown
   * @param options validated options
   * @return the new blob's info
   * @throws IOException on backend failure
   */
  BlobInfo put(String key, InputStream content, long length, PutOptions options) throws IOException;

  /**
   * Writes a blob whose whole content is already in memory, with the same semantics as {@link
   * #put(String, InputStream, long, PutOptions)} (atomic write, conditions, content type and
   * metadata). sdk-core has already checked the length against the driver's {@code
   * storage.max-blob-bytes}. The array is only read, and only until this method returns; a driver
   * may hand it to its client without copying it. The default streams it through the stream method;
   * override it when the backend can take the array directly (e.g. a replayable request body), to
   * save copying the content.
   *
   * @param key a valid key
   * @param content the content; not modified
   * @param options validated options
   * @return the new blob's info
   * @throws IOException on backend failure
   */
  default BlobInfo put(String key, byte[] content, PutOptions options) throws IOException {
    return put(key, new ByteArrayInputStream(content), content.length, options);
  }

  /**
   * Opens a blob: content and info of the same version.
   *
   * @param key a valid key
   * @param range the range, or null for all
   * @return the open blob
   * @throws IOException on backend failure
   */
  Blob get(String key, ByteRange range) throws IOException;

  /**
   * Reads a blob's info.
   *
   * @param key a valid key
   * @return the info
   * @throws IOException on backend failure
   */
  BlobInfo stat(String key) throws IOException;

  /**
   * Deletes a blob if present.
   *
   * @param key a valid key
   * @return true if it existed
   * @throws IOException on backend failure
   */
  boolean delete(String key) throws IOException;

  /**
   * Lists a page of blobs sorted by key.
   *
   * @param prefix the prefix (may be empty)
   * @param pageSize 1..5000
   * @param continuationToken the previous page's token, or null
   * @return the page
   * @throws IOException on backend failure
   */
  BlobPage list(String prefix, int pageSize, String continuationToken) throws IOException;

  /**
   * Copies a blob with its content type and metadata.
   *
   * @param sourceKey a valid existing key
   * @param targetKey a valid key
   * @return the target's info
   * @throws IOException on backend failure
   */
  BlobInfo copy(String sourceKey, String targetKey) throws IOException;

  /**
   * Presigns a URL. Called only if the driver declares {@code storage.presign}.
   *
   * @param key a valid key
   * @param method GET or PUT
   * @param ttl a positive lifetime
   * @return the URL
   * @throws IOException on backend failure
   */
  PresignedUrl presign(String key, PresignMethod method, Duration ttl) throws IOException;
}
