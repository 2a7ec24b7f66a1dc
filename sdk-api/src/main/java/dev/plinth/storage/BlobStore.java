package dev.plinth.storage;

import dev.plinth.Port;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Stores blobs (named byte streams with a content type and metadata) in a flat, {@code /}-separated
 * key space. Every provider gives the same semantics: keys are validated with the same rules,
 * writes are atomic (a reader sees the old or the new object, never a torn one), conditional writes
 * fail with {@link dev.plinth.error.PreconditionFailedException} and leave the object unchanged,
 * and content is streamed with bounded memory whatever its size.
 *
 * <p>Key rules: UTF-8, at most 1024 bytes, no leading {@code /}, no empty, {@code .} or {@code ..}
 * segment, no {@code \}, no control characters; otherwise {@link
 * dev.plinth.error.InvalidKeyException}.
 */
public interface BlobStore extends Port {

  /**
   * Writes a blob from a stream, replacing any existing blob (unless a condition says otherwise).
   * The stream is read to its end but not closed.
   *
   * @param key the blob key
   * @param content the bytes to store
   * @param length the exact number of bytes, or {@code -1} if unknown
   * @param options content type, metadata and conditions
   * @return the stored blob's info, including its new ETag
   * @throws dev.plinth.error.PreconditionFailedException if {@code ifMatch} or {@code ifNoneMatch}
   *     does not hold
   * @throws dev.plinth.error.InvalidKeyException if the key or metadata break the rules
   */
  BlobInfo put(String key, InputStream content, long length, PutOptions options);

  /**
   * Writes a blob from a stream of unknown length.
   *
   * @param key the blob key
   * @param content the bytes to store
   * @param options content type, metadata and conditions
   * @return the stored blob's info
   */
  default BlobInfo put(String key, InputStream content, PutOptions options) {
    return put(key, content, -1, options);
  }

  /**
   * Writes a blob from a byte array.
   *
   * @param key the blob key
   * @param content the bytes to store
   * @param options content type, metadata and conditions
   * @return the stored blob's info
   */
  default BlobInfo put(String key, byte[] content, PutOptions options) {
    return put(key, new ByteArrayInputStream(content), content.length, options);
  }

  /**
   * Writes a blob from a file.
   *
   * @param key the blob key
   * @param file the file to upload
   * @param options content type, metadata and conditions
   * @return the stored blob's info
   */
  default BlobInfo put(String key, Path file, PutOptions options) {
    try (InputStream in = Files.newInputStream(file)) {
      return put(key, in, Files.size(file), options);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + " for upload to '" + key + "'", e);
    }
  }

  /**
   * Opens a blob for reading: the content and the info of the same version, in one consistent call.
   * Close the returned {@link Blob}.
   *
   * @param key the blob key
   * @return the blob
   * @throws dev.plinth.error.NotFoundException if there is no such blob
   */
  default Blob get(String key) {
    return get(key, null);
  }

  /**
   * Opens part of a blob for reading.
   *
   * @param key the blob key
   * @param range the bytes wanted, or null for all
   * @return the blob, whose content holds only the range
   * @throws dev.plinth.error.NotFoundException if there is no such blob
   * @throws IllegalArgumentException if the range starts beyond the end of the blob
   */
  Blob get(String key, ByteRange range);

  /**
   * Reads a blob's info without its content.
   *
   * @param key the blob key
   * @return the info
   * @throws dev.plinth.error.NotFoundException if there is no such blob
   */
  BlobInfo stat(String key);

  /**
   * Tells whether a blob exists.
   *
   * @param key the blob key
   * @return true if it exists
   */
  boolean exists(String key);

  /**
   * Deletes a blob. Idempotent: deleting a missing blob is not an error.
   *
   * @param key the blob key
   * @return true if a blob was deleted
   */
  boolean delete(String key);

  /**
   * Lists blobs whose keys start with a prefix, sorted by key, one page at a time.
   *
   * @param prefix the key prefix, or empty for all
   * @param pageSize the maximum number of items in the page (1..5000)
   * @param continuationToken the token of the previous page, or null for the first page
   * @return the page
   */
  BlobPage list(String prefix, int pageSize, String continuationToken);

  /**
   * Copies a blob, with its content type and metadata, to another key (server-side where the
   * backend can).
   *
   * @param sourceKey the source key
   * @param targetKey the target key (replaced if it exists)
   * @return the new blob's info
   * @throws dev.plinth.error.NotFoundException if the source does not exist
   */
  BlobInfo copy(String sourceKey, String targetKey);

  /**
   * Creates a URL that grants {@code method} on one blob to anyone holding it, until it expires.
   * Requires {@link StorageCapabilities#PRESIGN}.
   *
   * @param key the blob key
   * @param method GET to download or PUT to upload
   * @param ttl how long the URL stays valid (positive, at most 7 days)
   * @return the URL and its expiry
   * @throws UnsupportedOperationException if the provider cannot presign
   */
  PresignedUrl presign(String key, PresignMethod method, Duration ttl);
}
