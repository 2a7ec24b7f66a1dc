package dev.plinth.local.queue;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps Plinth property names to JMS property names and back. JMS names must be Java identifiers
 * that are not selector keywords, while Plinth names may contain dashes, dots or any character, so
 * every application property is stored as {@code P_} plus an escaped form: letters and digits stay,
 * {@code _} becomes {@code __}, {@code -} becomes {@code _H}, {@code .} becomes {@code _D} and any
 * other character {@code _uXXXX} (its UTF-16 code unit in hex). The prefix keeps application
 * properties apart from the driver's own and from broker properties.
 */
final class PropertyNames {
  /** Prefix of every encoded application property. */
  static final String PREFIX = "P_";

  private static final int MAX_KEPT = 1024;
  private static final Map<String, String> ENCODED = new ConcurrentHashMap<>();

  private PropertyNames() {}

  /**
   * Encodes a Plinth property name.
   *
   * @param name any non-null name
   * @return a valid JMS property name
   */
  static String encode(String name) {
    // Applications use a handful of property names, and every message carries Plinth's own:
    // encode each once. Bounded, so that arbitrary names cannot grow the map without limit.
    String known = ENCODED.get(name);
    if (known != null) {
      return known;
    }
    String encoded = encodeNow(name);
    if (ENCODED.size() < MAX_KEPT) {
      ENCODED.putIfAbsent(name, encoded);
    }
    return encoded;
  }

  private static String encodeNow(String name) {
    StringBuilder sb = new StringBuilder(PREFIX.length() + name.length() + 8).append(PREFIX);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 128 && Character.isLetterOrDigit(c)) {
        sb.append(c);
      } else if (c == '_') {
        sb.append("__");
      } else if (c == '-') {
        sb.append("_H");
      } else if (c == '.') {
        sb.append("_D");
      } else {
        sb.append("_u").append(String.format("%04x", (int) c));
      }
    }
    return sb.toString();
  }

  /**
   * Decodes a JMS property name written by {@link #encode}.
   *
   * @param jmsName a JMS property name
   * @return the Plinth name, or empty when the name is not an encoded application property
   */
  static Optional<String> decode(String jmsName) {
    if (!jmsName.startsWith(PREFIX)) {
      return Optional.empty();
    }
    StringBuilder sb = new StringBuilder(jmsName.length());
    int i = PREFIX.length();
    while (i < jmsName.length()) {
      char c = jmsName.charAt(i++);
      if (c != '_') {
        sb.append(c);
        continue;
      }
      if (i >= jmsName.length()) {
        return Optional.empty();
      }
      char code = jmsName.charAt(i++);
      switch (code) {
        case '_' -> sb.append('_');
        case 'H' -> sb.append('-');
        case 'D' -> sb.append('.');
        case 'u' -> {
          if (i + 4 > jmsName.length()) {
            return Optional.empty();
          }
          try {
            sb.append((char) Integer.parseInt(jmsName.substring(i, i + 4), 16));
          } catch (NumberFormatException e) {
            return Optional.empty();
          }
          i += 4;
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    return Optional.of(sb.toString());
  }
}
