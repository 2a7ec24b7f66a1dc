package dev.plinth.server.files;

import dev.plinth.server.problem.Problem;
import dev.plinth.storage.Blob;
import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.BlobStore;
import dev.plinth.storage.ByteRange;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * Builds download responses: the blob is streamed from {@link BlobStore#get} straight into the
 * response (never buffered), with {@code ETag}, {@code Content-Length} and {@code
 * Content-Disposition}; {@code If-None-Match} answers 304 and a {@code Range} 206 or 416.
 */
final class BlobResponses {
  private BlobResponses() {}

  /**
   * Answers a download request.
   *
   * @param storage the blob store
   * @param key the blob key
   * @param ifNoneMatch the {@code If-None-Match} header, or null
   * @param range the {@code Range} header, or null
   * @return the response
   * @throws dev.plinth.error.NotFoundException if there is no such blob
   */
  static Response download(BlobStore storage, String key, String ifNoneMatch, String range) {
    BlobInfo info = storage.stat(key);
    if (EntityTags.matches(ifNoneMatch, info.etag())) {
      return Response.notModified()
          .header(HttpHeaders.ETAG, EntityTags.header(info.etag()))
          .build();
    }
    RangeHeader.Result wanted = RangeHeader.parse(range, info.size());
    if (wanted.kind() == RangeHeader.Kind.UNSATISFIABLE) {
      return unsatisfiable(info.size());
    }
    Blob blob;
    try {
      blob = storage.get(key, wanted.range());
    } catch (IllegalArgumentException e) {
      return unsatisfiable(storage.stat(key).size()); // the blob shrank since stat
    }
    BlobInfo current = blob.info();
    Response.ResponseBuilder response =
        Response.ok(stream(blob))
            .type(mediaType(current.contentType()))
            .header(HttpHeaders.ETAG, EntityTags.header(current.etag()))
            .header("Accept-Ranges", "bytes")
            .header(
                "Content-Disposition",
                ContentDisposition.attachment(
                    FileKeys.read(current.metadata(), FileKeys.FILE_NAME, FileKeys.fileId(key))));
    if (wanted.range() == null) {
      return response.header(HttpHeaders.CONTENT_LENGTH, current.size()).build();
    }
    ByteRange served = wanted.range().resolve(current.size());
    return response
        .status(206)
        .header(HttpHeaders.CONTENT_LENGTH, served.length())
        .header("Content-Range", RangeHeader.contentRange(served, current.size()))
        .build();
  }

  private static StreamingOutput stream(Blob blob) {
    return output -> {
      try (Blob open = blob) {
        open.content().transferTo(output);
      }
    };
  }

  private static Response unsatisfiable(long size) {
    return Problem.of(
            416,
            "range-not-satisfiable",
            "Range not satisfiable",
            "The requested range lies outside the file's "
                + size
                + " bytes; ask for bytes=0-"
                + Math.max(0, size - 1)
                + " at most.")
        .toResponseBuilder()
        .header("Content-Range", RangeHeader.unsatisfied(size))
        .build();
  }

  private static MediaType mediaType(String contentType) {
    try {
      return MediaType.valueOf(contentType);
    } catch (IllegalArgumentException e) {
      return MediaType.APPLICATION_OCTET_STREAM_TYPE;
    }
  }
}
