package dev.plinth.core.storage;

import dev.plinth.error.InvalidKeyException;
import java.nio.charset.StandardCharsets;

/**
 * The portable blob key rules, checked once in sdk-core for every provider. A key is UTF-8, at most
 * {@value #MAX_KEY_BYTES} bytes, {@code /}-separated, with no leading or trailing {@code /}, no
 * empty, {@code .} or {@code ..} segment, no {@code \} and no control character. The rules are the
 * intersection of what Azure Blob Storage, S3 and every filesystem accept safely, so a key that
 * works locally works everywhere and can never escape a filesystem root.
 */
public final class BlobKeys {
  /** The longest key, in UTF-8 bytes (Azure's limit). */
  public static final int MAX_KEY_BYTES = 1024;

  private static final int SHOWN_CHARS = 80;

  private BlobKeys() {}

  /**
   * Checks a blob key.
   *
   * @param key the key
   * @return the key, unchanged
   * @throws InvalidKeyException naming the broken rule
   */
  public static String requireValidKey(String key) {
    if (key == null || key.isEmpty()) {
      throw new InvalidKeyException("Blob key must not be empty.");
    }
    checkCharacters(key, "Blob key");
    if (key.endsWith("/")) {
      throw invalid("Blob key", key, "must not end with '/' (that names a folder, not a blob)");
    }
    checkSegments(key, "Blob key", false);
    return key;
  }

  /**
   * Checks a listing prefix. The prefix may be empty, may end with {@code /}, and its last segment
   * may be any start of a valid segment (so {@code a/.} can find {@code a/.hidden}).
   *
   * @param prefix the prefix, null meaning empty
   * @return the prefix, never null
   * @throws InvalidKeyException naming the broken rule
   */
  public static String requireValidPrefix(String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      return "";
    }
    checkCharacters(prefix, "List prefix");
    checkSegments(prefix, "List prefix", true);
    return prefix;
  }

  /**
   * Renders a key for an error message: control characters escaped, long keys shortened.
   *
   * @param key the key
   * @return a printable rendering
   */
  public static String describe(String key) {
    if (key == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder();
    int shown = Math.min(key.length(), SHOWN_CHARS);
    for (int i = 0; i < shown; i++) {
      char c = key.charAt(i);
      sb.append(isControl(c) ? String.format("\\u%04X", (int) c) : String.valueOf(c));
    }
    return key.length() > shown ? sb + "..." : sb.toString();
  }

  private static void checkCharacters(String key, String what) {
    if (key.charAt(0) == '/') {
      throw invalid(what, key, "must not start with '/'; keys are relative, e.g. 'reports/a.pdf'");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '\\') {
        throw invalid(what, key, "must not contain '\\'; use '/' to separate segments");
      }
      if (isControl(c)) {
        throw invalid(
            what, key, String.format("must not contain control character U+%04X", (int) c));
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < key.length()
          && Character.isLowSurrogate(key.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw invalid(what, key, "is not valid Unicode (unpaired surrogate at index " + i + ")");
      }
    }
    int bytes = key.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_KEY_BYTES) {
      throw invalid(
          what, key, "is " + bytes + " bytes in UTF-8; the limit is " + MAX_KEY_BYTES + " bytes");
    }
  }

  private static void checkSegments(String key, String what, boolean prefix) {
    String[] segments = key.split("/", -1);
    // A prefix may end with '/' (empty last segment) or with a partial segment such as '.'.
    int checked = prefix ? segments.length - 1 : segments.length;
    for (int i = 0; i < checked; i++) {
      String segment = segments[i];
      if (segment.isEmpty()) {
        throw invalid(what, key, "must not contain an empty segment ('//')");
      }
      if (segment.equals(".") || segment.equals("..")) {
        throw invalid(what, key, "must not contain a '" + segment + "' segment");
      }
    }
  }

  private static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
  }

  private static InvalidKeyException invalid(String what, String key, String rule) {
    return new InvalidKeyException(what + " '" + describe(key) + "' " + rule + ".");
  }
}
