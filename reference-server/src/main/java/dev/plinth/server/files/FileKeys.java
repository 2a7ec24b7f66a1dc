package dev.plinth.server.files;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where files live in the blob store and what travels with them. The blob store is the only record
 * of a file: its key {@code projects/{projectId}/files/{fileId}} and its metadata hold everything
 * the API shows. Metadata values are percent-encoded UTF-8 so that any file name or user name
 * passes the portable (Azure) rule of printable ASCII values.
 */
final class FileKeys {
  /** Metadata holding the original file name. */
  static final String FILE_NAME = "filename";

  /** Metadata holding the uploader's principal name. */
  static final String UPLOADED_BY = "uploadedby";

  private FileKeys() {}

  /**
   * The key prefix of a project's files.
   *
   * @param projectId a validated project id
   * @return {@code projects/{projectId}/files/}
   */
  static String prefix(String projectId) {
    return "projects/" + projectId + "/files/";
  }

  /**
   * The key of one file.
   *
   * @param projectId a validated project id
   * @param fileId a validated file id
   * @return the blob key
   */
  static String key(String projectId, String fileId) {
    return prefix(projectId) + fileId;
  }

  /**
   * The file id of a key (its last segment).
   *
   * @param key the blob key
   * @return the file id
   */
  static String fileId(String key) {
    return key.substring(key.lastIndexOf('/') + 1);
  }

  /**
   * The metadata to store with an upload.
   *
   * @param fileName the original file name
   * @param uploadedBy the uploader's principal name
   * @return the metadata
   */
  static Map<String, String> metadata(String fileName, String uploadedBy) {
    return Map.of(FILE_NAME, encode(fileName), UPLOADED_BY, encode(uploadedBy));
  }

  /**
   * Reads a metadata value written by {@link #metadata}.
   *
   * @param metadata the blob's metadata
   * @param name the metadata name
   * @param fallback the value when absent or unreadable
   * @return the decoded value
   */
  static String read(Map<String, String> metadata, String name, String fallback) {
    String value = metadata.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return value; // written by something else: show it as stored
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
