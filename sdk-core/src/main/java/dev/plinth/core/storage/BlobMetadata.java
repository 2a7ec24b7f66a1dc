package dev.plinth.core.storage;

import dev.plinth.error.InvalidKeyException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The portable user-metadata rules. Names are always lower-cased and must be unique ignoring case.
 * In strict mode (the default, {@code plinth.storage.strict=true}) the rules of Azure Blob Storage
 * apply on every provider, so what fails on Azure fails locally: names are C# identifiers, values
 * are printable ASCII, and names plus values total at most {@value #MAX_TOTAL_BYTES} bytes.
 */
public final class BlobMetadata {
  /** Azure's limit on the total size of all metadata names and values. */
  public static final int MAX_TOTAL_BYTES = 8 * 1024;

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private BlobMetadata() {}

  /**
   * Validates and normalises metadata.
   *
   * @param metadata the caller's metadata (may be null)
   * @param strict whether to apply Azure's rules
   * @return a sorted copy with lower-case names
   * @throws InvalidKeyException naming the entry and the rule it breaks
   */
  public static Map<String, String> normalize(Map<String, String> metadata, boolean strict) {
    Map<String, String> result = new TreeMap<>();
    if (metadata == null) {
      return result;
    }
    long total = 0;
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      String name = entry.getKey();
      String value = entry.getValue();
      if (name == null || name.isEmpty()) {
        throw new InvalidKeyException("Metadata names must not be empty.");
      }
      if (value == null) {
        throw new InvalidKeyException("Metadata '" + name + "' has a null value; use \"\".");
      }
      if (strict) {
        checkStrict(name, value);
      }
      String lower = name.toLowerCase(Locale.ROOT);
      if (result.put(lower, value) != null) {
        throw new InvalidKeyException(
            "Metadata names must be unique ignoring case: '"
                + lower
                + "' is given twice. Names are stored lower-case on every provider.");
      }
      total += name.getBytes(StandardCharsets.UTF_8).length;
      total += value.getBytes(StandardCharsets.UTF_8).length;
    }
    if (strict && total > MAX_TOTAL_BYTES) {
      throw new InvalidKeyException(
          "Metadata names and values total "
              + total
              + " bytes; Azure Blob Storage allows at most "
              + MAX_TOTAL_BYTES
              + ". Store large values in the blob itself.");
    }
    return result;
  }

  private static void checkStrict(String name, String value) {
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new InvalidKeyException(
          "Metadata name '"
              + BlobKeys.describe(name)
              + "' would fail on Azure Blob Storage: names must be C# identifiers"
              + " (letters, digits and '_', not starting with a digit), e.g. 'content_id'."
              + " Set plinth.storage.strict=false to allow it on local providers only.");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        throw new InvalidKeyException(
            "Metadata '"
                + name
                + String.format(" has character U+%04X at index %d", (int) c, i)
                + "; Azure Blob Storage accepts only printable ASCII values."
                + " Encode the value (e.g. URL or Base64) first.");
      }
    }
  }
}
