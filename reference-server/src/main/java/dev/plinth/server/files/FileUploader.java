package dev.plinth.server.files;

import dev.plinth.error.PayloadTooLargeException;
import dev.plinth.error.PlinthException;
import dev.plinth.server.problem.RequestValidationException;
import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.BlobStore;
import dev.plinth.storage.PutOptions;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.UUID;

/**
 * Streams one upload (a raw body or the {@code file} part of a multipart body) into the blob store
 * under a new file id. The body is read through a {@link LimitedInputStream}, so an oversized body
 * makes the store's write fail after {@code limit + 1} bytes and nothing is stored.
 */
final class FileUploader {
  private final BlobStore storage;
  private final long limit;

  /**
   * Creates an uploader.
   *
   * @param storage the blob store
   * @param limit the largest accepted body, in bytes
   */
  FileUploader(BlobStore storage, long limit) {
    this.storage = storage;
    this.limit = limit;
  }

  /**
   * Stores a raw body.
   *
   * @param projectId a validated project id
   * @param name a validated file name
   * @param type the body's media type, or null
   * @param body the request body
   * @param length the Content-Length, or -1 when chunked
   * @param caller the uploader's principal name
   * @return the stored blob's info
   */
  BlobInfo raw(
      String projectId, String name, MediaType type, InputStream body, long length, String caller) {
    LimitedInputStream limited = new LimitedInputStream(body, limit);
    String contentType = type == null ? PutOptions.DEFAULT_CONTENT_TYPE : type.toString();
    return store(projectId, name, contentType, limited, length, caller, limited);
  }

  /**
   * Stores the {@code file} part of a multipart body; other parts are skipped.
   *
   * @param projectId a validated project id
   * @param boundary the multipart boundary
   * @param body the request body
   * @param caller the uploader's principal name
   * @return the stored blob's info
   * @throws RequestValidationException naming {@code file} if there is no such part or the body is
   *     malformed, or {@code filename} if the part's file name is invalid
   */
  BlobInfo multipart(String projectId, String boundary, InputStream body, String caller) {
    LimitedInputStream limited = new LimitedInputStream(body, limit);
    MultipartReader reader = new MultipartReader(limited, boundary);
    try {
      for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
        Map<String, String> disposition =
            ContentDisposition.parameters(part.headers().get("content-disposition"));
        if ("file".equals(disposition.get("name"))) {
          String name = FileNames.fileName("filename", disposition.get("filename"));
          String contentType = partType(part.headers().get("content-type"));
          return store(projectId, name, contentType, part.content(), -1, caller, limited);
        }
      }
    } catch (IOException e) {
      throw failure(e, limited);
    }
    throw new RequestValidationException(
        "file", "The multipart body has no part named 'file'; send the file as form field 'file'.");
  }

  private BlobInfo store(
      String projectId,
      String name,
      String contentType,
      InputStream content,
      long length,
      String caller,
      LimitedInputStream limited) {
    String key = FileKeys.key(projectId, UUID.randomUUID().toString());
    PutOptions options =
        PutOptions.none().contentType(contentType).metadata(FileKeys.metadata(name, caller));
    try {
      return storage.put(key, content, length, options);
    } catch (PlinthException e) {
      RuntimeException cause = streamFailure(e, limited);
      throw cause == null ? e : cause;
    }
  }

  /** The client-side reason a write failed (too large, malformed), or null. */
  private RuntimeException streamFailure(Throwable e, LimitedInputStream limited) {
    if (limited.exceeded()) {
      return tooLarge();
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MultipartReader.MalformedException malformed) {
        return new RequestValidationException("file", malformed.getMessage());
      }
    }
    return null;
  }

  private RuntimeException failure(IOException e, LimitedInputStream limited) {
    RuntimeException known = streamFailure(e, limited);
    return known != null
        ? known
        : new PlinthException("Reading the upload failed: " + e.getMessage(), e);
  }

  /**
   * The error of a body above the limit.
   *
   * @return a {@code too-large} exception naming the limit
   */
  PayloadTooLargeException tooLarge() {
    return new PayloadTooLargeException(
        "The upload exceeds the limit of "
            + limit
            + " bytes (plinth.server.max-upload-bytes); nothing was stored.");
  }

  private static String partType(String header) {
    if (header == null || header.isBlank()) {
      return PutOptions.DEFAULT_CONTENT_TYPE;
    }
    try {
      return MediaType.valueOf(header).toString();
    } catch (IllegalArgumentException e) {
      throw new RequestValidationException(
          "file.contentType", "The part's Content-Type is not a valid media type.");
    }
  }
}
