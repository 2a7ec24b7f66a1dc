package dev.plinth.core.cache;

import dev.plinth.error.ConfigurationException;
import dev.plinth.error.InvalidKeyException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * The portable key and TTL rules of the cache, and the namespace that prefixes every key on the
 * backend. Written once here so that every provider accepts and rejects exactly the same keys.
 */
final class CacheKeys {
  /** The largest key, in UTF-8 bytes, before the namespace is added. */
  static final int MAX_KEY_BYTES = 512;

  /** The shortest TTL, kept as a constant: every write checks against it. */
  private static final Duration MIN_TTL = Duration.ofMillis(1);

  private final String prefix;

  /**
   * Creates the rules for one namespace.
   *
   * @param namespace the value of {@code plinth.cache.namespace}
   * @throws ConfigurationException if the namespace is blank or breaks the key rules
   */
  CacheKeys(String namespace) {
    try {
      check(namespace, "Cache namespace");
    } catch (InvalidKeyException e) {
      throw new ConfigurationException(
          "plinth.cache.namespace",
          e.getMessage() + " Set 'plinth.cache.namespace' (PLINTH_CACHE_NAMESPACE), e.g. myapp.",
          e);
    }
    this.prefix = namespace + ":";
  }

  /**
   * Validates a key and adds the namespace.
   *
   * @param key the caller's key
   * @return the key as stored on the backend
   */
  String toFull(String key) {
    check(key, "Cache key");
    return prefix + key;
  }

  /**
   * Removes the namespace from a backend key.
   *
   * @param fullKey a key returned by {@link #toFull}
   * @return the caller's key
   */
  String toUser(String fullKey) {
    return fullKey.substring(prefix.length());
  }

  /**
   * Validates a deletion prefix and adds the namespace. An empty prefix is refused, because it
   * would silently wipe the whole namespace.
   *
   * @param keyPrefix the caller's prefix
   * @return the prefix as used on the backend
   */
  String toFullPrefix(String keyPrefix) {
    Objects.requireNonNull(keyPrefix, "prefix");
    if (keyPrefix.isEmpty()) {
      throw new InvalidKeyException(
          "Cache prefix must not be empty: it would delete the whole namespace. Pass a prefix such"
              + " as 'session:'.");
    }
    return toFull(keyPrefix);
  }

  /**
   * Validates a TTL: null means no expiry, anything else must be at least one millisecond (the
   * finest unit every backend supports).
   *
   * @param ttl the TTL
   * @return the same TTL
   * @throws IllegalArgumentException if it is zero, negative or below one millisecond
   */
  static Duration checkTtl(Duration ttl) {
    if (ttl != null && ttl.compareTo(MIN_TTL) < 0) {
      throw new IllegalArgumentException(
          "Cache TTL must be at least 1 ms but was "
              + ttl
              + ". Use null for no expiry instead of zero or a negative TTL.");
    }
    return ttl;
  }

  private static void check(String key, String what) {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()) {
      throw new InvalidKeyException(what + " must not be empty.");
    }
    int length = key.length();
    int i = 0;
    // Fast path: printable ASCII (0x21-0x7E) is always allowed and needs no code-point decoding.
    while (i < length) {
      char c = key.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        break;
      }
      i++;
    }
    while (i < length) {
      int cp = key.codePointAt(i);
      if (Character.isWhitespace(cp) || Character.isISOControl(cp) || Character.isSpaceChar(cp)) {
        throw new InvalidKeyException(
            String.format(
                "%s contains whitespace or a control character (U+%04X) at index %d. Use"
                    + " printable characters without spaces, e.g. 'user:42'.",
                what, cp, i));
      }
      i += Character.charCount(cp);
    }
    // A char encodes to at most 3 UTF-8 bytes, so only long keys need encoding (which allocates).
    if (key.length() * 3L <= MAX_KEY_BYTES) {
      return;
    }
    int bytes = key.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_KEY_BYTES) {
      throw new InvalidKeyException(
          what
              + " is "
              + bytes
              + " UTF-8 bytes; the limit is "
              + MAX_KEY_BYTES
              + ". Shorten it or hash the variable part.");
    }
  }
}
