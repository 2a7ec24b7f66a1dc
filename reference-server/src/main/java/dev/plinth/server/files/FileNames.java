package dev.plinth.server.files;

import dev.plinth.server.problem.RequestValidationException;
import java.util.regex.Pattern;

/**
 * Validates the names that end up in blob keys and metadata. Project and file ids become key
 * segments, so they are restricted to a safe alphabet; a file name is free text but must not be
 * able to look like a path ({@code ../x}, {@code a/b}) or carry control characters into headers.
 */
final class FileNames {
  /** The longest accepted file name, in characters. */
  static final int MAX_NAME_LENGTH = 255;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private FileNames() {}

  /**
   * Checks a project id.
   *
   * @param projectId the path parameter
   * @return the id
   * @throws RequestValidationException naming {@code projectId} if it is not 1-64 of {@code
   *     [A-Za-z0-9_-]}
   */
  static String projectId(String projectId) {
    return id("projectId", projectId);
  }

  /**
   * Checks a file id.
   *
   * @param fileId the path parameter
   * @return the id
   * @throws RequestValidationException naming {@code fileId} if it is not 1-64 of {@code
   *     [A-Za-z0-9_-]}
   */
  static String fileId(String fileId) {
    return id("fileId", fileId);
  }

  /**
   * Checks an uploaded file's name.
   *
   * @param field the request field it came from (for the problem), e.g. {@code name}
   * @param name the name
   * @return the name
   * @throws RequestValidationException naming {@code field} if the name is missing, too long, a
   *     path or holds control characters
   */
  static String fileName(String field, String name) {
    if (name == null || name.isBlank()) {
      throw new RequestValidationException(
          field, "A file name is required: send it in X-File-Name, ?name= or the part's filename.");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw new RequestValidationException(
          field, "The file name has " + name.length() + " characters; at most 255 are allowed.");
    }
    if (name.equals(".")
        || name.equals("..")
        || name.indexOf('/') >= 0
        || name.indexOf('\\') >= 0) {
      throw new RequestValidationException(
          field, "The file name must be a plain name, not a path: no '/', '\\', '.' or '..'.");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        throw new RequestValidationException(
            field,
            "The file name must not contain control characters (found U+"
                + String.format("%04X", (int) c)
                + ").");
      }
    }
    if (!name.equals(name.strip())) {
      throw new RequestValidationException(
          field, "The file name must not start or end with whitespace.");
    }
    return name;
  }

  private static String id(String field, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw new RequestValidationException(
          field, "Must be 1 to 64 characters of letters, digits, '_' and '-'.");
    }
    return value;
  }
}
