package dev.plinth.server.files;

import dev.plinth.storage.BlobInfo;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/** The JSON view of a stored file. */
final class FileJson {
  private FileJson() {}

  /**
   * Describes a file.
   *
   * @param info the blob's info
   * @return {@code {id, name, size, contentType, etag, createdAt, uploadedBy}}
   */
  static JsonObject of(BlobInfo info) {
    String id = FileKeys.fileId(info.key());
    return Json.createObjectBuilder()
        .add("id", id)
        .add("name", FileKeys.read(info.metadata(), FileKeys.FILE_NAME, id))
        .add("size", info.size())
        .add("contentType", info.contentType())
        .add("etag", EntityTags.header(info.etag()))
        .add("createdAt", String.valueOf(info.lastModified()))
        .add("uploadedBy", FileKeys.read(info.metadata(), FileKeys.UPLOADED_BY, ""))
        .build();
  }
}
