package dev.plinth.bench;

import java.util.Locale;

/** The two JSON literals the report needs, so the module needs no JSON library. */
final class Json {
  private Json() {}

  /**
   * Quotes a string.
   *
   * @param value the text
   * @return a JSON string literal
   */
  static String string(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * Writes a number; NaN and infinities, which JSON lacks, become null.
   *
   * @param value the number
   * @return a JSON number or null
   */
  static String number(double value) {
    return Double.isNaN(value) || Double.isInfinite(value)
        ? "null"
        : String.format(Locale.ROOT, "%.6g", value);
  }
}
