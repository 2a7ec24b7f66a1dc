package dev.plinth.core.queue;

import java.nio.charset.StandardCharsets;

/** Formats handler errors for the {@code plinth-last-error} header, bounded in size. */
final class LastError {
  /** The most UTF-8 bytes a last-error header may hold; brokers limit header sizes. */
  static final int MAX_BYTES = 1024;

  private LastError() {}

  /**
   * Describes an exception as its type and message.
   *
   * @param error the exception
   * @return {@code type: message}, at most {@link #MAX_BYTES} UTF-8 bytes
   */
  static String of(Throwable error) {
    String message = error.getMessage();
    String text = error.getClass().getName() + (message == null ? "" : ": " + message);
    return truncate(text);
  }

  /**
   * Cuts a text to at most {@link #MAX_BYTES} UTF-8 bytes without splitting a character.
   *
   * @param text the text, or null
   * @return the text, shortened if needed, or null
   */
  static String truncate(String text) {
    if (text == null || text.length() * 3 <= MAX_BYTES) {
      return text;
    }
    if (text.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
      return text;
    }
    int bytes = 0;
    int end = 0;
    while (end < text.length()) {
      int codePoint = text.codePointAt(end);
      int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > MAX_BYTES) {
        break;
      }
      bytes += size;
      end += Character.charCount(codePoint);
    }
    return text.substring(0, end);
  }
}
