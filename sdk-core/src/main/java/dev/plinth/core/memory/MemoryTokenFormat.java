package dev.plinth.core.memory;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The compact token format of the memory issuer: {@code base64url(header).base64url(claims).
 * base64url(HMAC-SHA256)}, where header and claims are {@code name=value} lines (no JSON library
 * needed). Values escape backslash and newline.
 */
final class MemoryTokenFormat {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  /** The decoded parts of a token. */
  record Parts(
      Map<String, String> header,
      Map<String, String> claims,
      String signedPart,
      byte[] signature) {}

  private MemoryTokenFormat() {}

  static String encodePart(Map<String, String> values) {
    StringBuilder sb = new StringBuilder();
    values.forEach(
        (k, v) ->
            sb.append(k)
                .append('=')
                .append(v.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n'));
    return ENCODER.encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  static String encodeSignature(byte[] signature) {
    return ENCODER.encodeToString(signature);
  }

  /**
   * Splits and decodes a token.
   *
   * @param token the token
   * @return the parts
   * @throws IllegalArgumentException if it is not three well-formed base64url parts
   */
  static Parts decode(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new IllegalArgumentException("expected three dot-separated parts");
    }
    return new Parts(
        decodePart(parts[0]),
        decodePart(parts[1]),
        parts[0] + "." + parts[1],
        DECODER.decode(parts[2]));
  }

  private static Map<String, String> decodePart(String part) {
    String text = new String(DECODER.decode(part), StandardCharsets.UTF_8);
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("a line without name=value");
      }
      values.put(line.substring(0, eq), unescape(line.substring(eq + 1)));
    }
    return values;
  }

  private static String unescape(String value) {
    StringBuilder sb = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        char next = value.charAt(++i);
        sb.append(next == 'n' ? '\n' : next);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
