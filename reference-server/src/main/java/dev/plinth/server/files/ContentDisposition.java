package dev.plinth.server.files;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the {@code Content-Disposition} of a multipart part and writes the one of a download (RFC
 * 6266: an ASCII {@code filename} fallback plus the exact name in {@code filename*}).
 */
final class ContentDisposition {
  private ContentDisposition() {}

  /**
   * Parses the parameters of a header such as {@code form-data; name="file"; filename="a.txt"}.
   * {@code filename*} (RFC 5987, UTF-8) is decoded and wins over {@code filename}.
   *
   * @param header the header value, or null
   * @return the parameters, lower-case names; empty if there is no header
   */
  static Map<String, String> parameters(String header) {
    Map<String, String> params = new HashMap<>();
    if (header == null) {
      return params;
    }
    int i = header.indexOf(';');
    while (i >= 0 && i < header.length()) {
      int eq = header.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String name = header.substring(i + 1, eq).strip().toLowerCase(Locale.ROOT);
      StringBuilder value = new StringBuilder();
      int j = eq + 1;
      while (j < header.length() && header.charAt(j) == ' ') {
        j++;
      }
      if (j < header.length() && header.charAt(j) == '"') {
        for (j++; j < header.length() && header.charAt(j) != '"'; j++) {
          char c = header.charAt(j);
          // Only \" is an escape: browsers send backslashes (Windows paths) unescaped.
          if (c == '\\' && j + 1 < header.length() && header.charAt(j + 1) == '"') {
            c = header.charAt(++j);
          }
          value.append(c);
        }
        j = header.indexOf(';', j);
      } else {
        int end = header.indexOf(';', j);
        value.append(header.substring(j, end < 0 ? header.length() : end).strip());
        j = end;
      }
      params.put(name, value.toString());
      i = j;
    }
    String extended = params.get("filename*");
    if (extended != null) {
      String decoded = decodeExtended(extended);
      if (decoded != null) {
        params.put("filename", decoded);
      }
    }
    return params;
  }

  /**
   * The header of a download.
   *
   * @param fileName the original file name
   * @return e.g. {@code attachment; filename="a.txt"; filename*=UTF-8''a.txt}
   */
  static String attachment(String fileName) {
    StringBuilder ascii = new StringBuilder();
    for (int k = 0; k < fileName.length(); k++) {
      char c = fileName.charAt(k);
      ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
    }
    String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }

  /** Decodes {@code UTF-8''percent-encoded}; null if it is not in that form. */
  private static String decodeExtended(String value) {
    int quote = value.indexOf("''");
    if (quote < 0 || !value.substring(0, quote).equalsIgnoreCase("UTF-8")) {
      return null;
    }
    try {
      return URLDecoder.decode(
          value.substring(quote + 2).replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
