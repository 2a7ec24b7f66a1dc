package dev.plinth.config;

import dev.plinth.error.ConfigurationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Read-only view of Plinth's merged configuration (system properties &gt; environment &gt; {@code
 * plinth.properties} &gt; profile defaults). Keys are dotted and lower case, e.g. {@code
 * plinth.storage.filesystem.root}; the environment variable {@code PLINTH_STORAGE_FILESYSTEM_ROOT}
 * maps to the same key. Typed getters fail fast with a {@link ConfigurationException} that names
 * the key, the bad value and an example.
 */
public interface PlinthConfig {

  /**
   * Returns the raw value of a key.
   *
   * @param key a dotted key
   * @return the value, or empty if no source defines it
   */
  Optional<String> get(String key);

  /**
   * Returns every key some source defines.
   *
   * @return the keys, in no particular order
   */
  Set<String> keys();

  /**
   * Returns the active profile.
   *
   * @return the profile
   */
  Profile profile();

  /**
   * Tells whether a key holds a secret; such values are never printed.
   *
   * @param key a dotted key
   * @return true for passwords, keys, tokens and connection strings
   */
  static boolean isSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("password")
        || k.contains("secret")
        || k.contains("token")
        || k.contains("connection-string")
        || k.contains("access-key")
        || k.endsWith(".key")
        || k.endsWith("-key");
  }

  /**
   * Returns the value of a required key.
   *
   * @param key a dotted key
   * @param example an example value for the error message
   * @return the value
   * @throws ConfigurationException if the key is not set
   */
  default String require(String key, String example) {
    return get(key)
        .filter(v -> !v.isBlank())
        .orElseThrow(
            () ->
                new ConfigurationException(
                    key,
                    "Missing required configuration '"
                        + key
                        + "' (environment variable "
                        + envName(key)
                        + "). Example: "
                        + envName(key)
                        + "="
                        + example));
  }

  /**
   * Returns a string value or a default.
   *
   * @param key a dotted key
   * @param defaultValue used when the key is not set
   * @return the value
   */
  default String getString(String key, String defaultValue) {
    return get(key).filter(v -> !v.isBlank()).orElse(defaultValue);
  }

  /**
   * Returns an integer value or a default.
   *
   * @param key a dotted key
   * @param defaultValue used when the key is not set
   * @return the value
   * @throws ConfigurationException if the value is not an integer
   */
  default int getInt(String key, int defaultValue) {
    return (int) getLong(key, defaultValue);
  }

  /**
   * Returns a long value or a default.
   *
   * @param key a dotted key
   * @param defaultValue used when the key is not set
   * @return the value
   * @throws ConfigurationException if the value is not an integer
   */
  default long getLong(String key, long defaultValue) {
    Optional<String> value = get(key).map(String::trim).filter(v -> !v.isEmpty());
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      return Long.parseLong(value.get());
    } catch (NumberFormatException e) {
      throw invalid(key, value.get(), "an integer, e.g. " + defaultValue);
    }
  }

  /**
   * Returns a boolean value or a default.
   *
   * @param key a dotted key
   * @param defaultValue used when the key is not set
   * @return the value
   * @throws ConfigurationException if the value is not {@code true} or {@code false}
   */
  default boolean getBoolean(String key, boolean defaultValue) {
    Optional<String> value = get(key).map(String::trim).filter(v -> !v.isEmpty());
    if (value.isEmpty()) {
      return defaultValue;
    }
    return switch (value.get().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw invalid(key, value.get(), "true or false");
    };
  }

  /**
   * Returns a duration value or a default. Accepts ISO-8601 ({@code PT30S}) or a number with a unit
   * suffix: {@code ms}, {@code s}, {@code m}, {@code h}, {@code d} (e.g. {@code 30s}); a bare
   * number means milliseconds.
   *
   * @param key a dotted key
   * @param defaultValue used when the key is not set
   * @return the value
   * @throws ConfigurationException if the value is not a duration
   */
  default Duration getDuration(String key, Duration defaultValue) {
    Optional<String> value = get(key).map(String::trim).filter(v -> !v.isEmpty());
    if (value.isEmpty()) {
      return defaultValue;
    }
    return parseDuration(key, value.get());
  }

  /**
   * Parses a duration in the formats {@link #getDuration} accepts.
   *
   * @param key the key, for the error message
   * @param text the text to parse
   * @return the duration
   * @throws ConfigurationException if the text is not a duration
   */
  static Duration parseDuration(String key, String text) {
    String v = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("p")) {
        return Duration.parse(v.toUpperCase(Locale.ROOT));
      }
      if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
      }
      char unit = v.charAt(v.length() - 1);
      if (Character.isDigit(unit)) {
        return Duration.ofMillis(Long.parseLong(v));
      }
      long amount = Long.parseLong(v.substring(0, v.length() - 1).trim());
      return switch (unit) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        case 'd' -> Duration.ofDays(amount);
        default -> throw invalid(key, text, "a duration such as 500ms, 30s, 5m, 1h or PT30S");
      };
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw invalid(key, text, "a duration such as 500ms, 30s, 5m, 1h or PT30S");
    }
  }

  /**
   * Builds the error for a malformed value. Secret values are not echoed.
   *
   * @param key the key
   * @param value the bad value
   * @param expected what would be accepted
   * @return the exception to throw
   */
  static ConfigurationException invalid(String key, String value, String expected) {
    String shown = isSecret(key) ? "<hidden>" : "'" + value + "'";
    return new ConfigurationException(
        key,
        "Invalid value "
            + shown
            + " for '"
            + key
            + "' (environment variable "
            + envName(key)
            + "): expected "
            + expected
            + ".");
  }

  /**
   * Returns the environment variable that maps to a key ({@code plinth.storage.provider} &rarr;
   * {@code PLINTH_STORAGE_PROVIDER}).
   *
   * @param key a dotted key
   * @return the environment variable name
   */
  static String envName(String key) {
    StringBuilder sb = new StringBuilder(key.length());
    for (char c : key.toCharArray()) {
      sb.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
    }
    return sb.toString();
  }
}
