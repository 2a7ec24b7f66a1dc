package dev.plinth.cache;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * A typed view of a {@link Cache}: the same entries, values encoded with a {@link Codec}.
 *
 * @param <T> the value type
 */
public interface TypedCache<T> {

  /**
   * Reads a value.
   *
   * @param key the key
   * @return the decoded value, or empty on a miss
   */
  Optional<T> get(String key);

  /**
   * Writes a value.
   *
   * @param key the key
   * @param value the value
   * @param ttl time to live, or null for no expiry
   */
  void put(String key, T value, Duration ttl);

  /**
   * Writes a value only if the key is absent.
   *
   * @param key the key
   * @param value the value
   * @param ttl time to live, or null for no expiry
   * @return true if written
   */
  boolean putIfAbsent(String key, T value, Duration ttl);

  /**
   * Deletes a key.
   *
   * @param key the key
   * @return true if it existed
   */
  boolean delete(String key);

  /**
   * Reads several values.
   *
   * @param keys the keys
   * @return the values found
   */
  Map<String, T> getAll(Collection<String> keys);

  /**
   * Writes several values.
   *
   * @param entries keys and values
   * @param ttl time to live, or null for no expiry
   */
  void putAll(Map<String, T> entries, Duration ttl);

  /**
   * Returns the cached value or loads it once (single-flight), as {@link Cache#getOrLoad}.
   *
   * @param key the key
   * @param ttl time to live of a loaded value, or null for no expiry
   * @param loader computes the value; null means absent
   * @return the value, or empty
   */
  Optional<T> getOrLoad(String key, Duration ttl, CacheLoader<T> loader);
}
