package dev.plinth.azure.storage;

import dev.plinth.config.PlinthConfig;
import java.util.Locale;

/** Parses sizes such as {@code 4MiB}, {@code 512KiB}, {@code 8m} or a plain byte count. */
final class ByteSizes {
  private ByteSizes() {}

  /**
   * Parses a size.
   *
   * @param key the configuration key, for the error message
   * @param text the text: a number of bytes, optionally followed by KiB/MiB/GiB (or k/m/g)
   * @return the size in bytes
   * @throws dev.plinth.error.ConfigurationException if the text is not a size
   */
  static long parse(String key, String text) {
    String v = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    long unit = 1;
    for (String[] suffix :
        new String[][] {
          {"kib", "1024"},
          {"mib", "1048576"},
          {"gib", "1073741824"},
          {"kb", "1024"},
          {"mb", "1048576"},
          {"gb", "1073741824"},
          {"k", "1024"},
          {"m", "1048576"},
          {"g", "1073741824"},
          {"b", "1"}
        }) {
      if (v.endsWith(suffix[0])) {
        unit = Long.parseLong(suffix[1]);
        v = v.substring(0, v.length() - suffix[0].length());
        break;
      }
    }
    try {
      return Math.multiplyExact(Long.parseLong(v), unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw PlinthConfig.invalid(key, text, "a size such as 4MiB, 512KiB or 8388608");
    }
  }
}
