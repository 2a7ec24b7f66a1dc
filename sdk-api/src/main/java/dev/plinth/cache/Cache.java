package dev.plinth.cache;

import dev.plinth.Port;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * A key-value cache of byte values with per-entry time-to-live. Keys are namespaced by the platform
 * ({@code plinth.cache.namespace}), so several applications can share one backend. Use {@link
 * #typed(Codec)} for typed values.
 *
 * <p>Keys: 1..512 UTF-8 bytes, no control characters or spaces. A {@code ttl} is positive; {@code
 * null} means "no expiry".
 */
public interface Cache extends Port {

  /**
   * Reads a value.
   *
   * @param key the key
   * @return the value, or empty on a miss
   */
  Optional<byte[]> get(String key);

  /**
   * Writes a value.
   *
   * @param key the key
   * @param value the value
   * @param ttl time to live, or null for no expiry
   */
  void put(String key, byte[] value, Duration ttl);

  /**
   * Writes a value only if the key is absent, atomically.
   *
   * @param key the key
   * @param value the value
   * @param ttl time to live, or null for no expiry
   * @return true if the value was written
   */
  boolean putIfAbsent(String key, byte[] value, Duration ttl);

  /**
   * Deletes a key.
   *
   * @param key the key
   * @return true if it existed
   */
  boolean delete(String key);

  /**
   * Reads several values in one round trip.
   *
   * @param keys the keys
   * @return the values found, by key; misses are absent
   */
  Map<String, byte[]> getAll(Collection<String> keys);

  /**
   * Writes several values in one round trip, all with the same TTL.
   *
   * @param entries keys and values
   * @param ttl time to live, or null for no expiry
   */
  void putAll(Map<String, byte[]> entries, Duration ttl);

  /**
   * Adds to a counter atomically, creating it at 0 first if absent. The TTL is set when the counter
   * is created and not extended by later increments, which makes fixed-window rate limits simple.
   *
   * @param key the counter key
   * @param delta the amount to add (may be negative)
   * @param ttl time to live of a new counter, or null for no expiry
   * @return the value after the increment
   */
  long increment(String key, long delta, Duration ttl);

  /**
   * Deletes every key that starts with a prefix (within this cache's namespace). Not atomic with
   * respect to concurrent writers.
   *
   * @param prefix the prefix; must not be empty
   * @return the number of keys deleted
   */
  long deleteByPrefix(String prefix);

  /**
   * Returns the cached value, or loads, caches and returns it. Concurrent misses for one key load
   * once per process (single-flight); others wait for that load. A loader failure is propagated to
   * every waiter and nothing is cached. A cache outage makes this call load directly (a miss).
   *
   * @param key the key
   * @param ttl time to live of a loaded value, or null for no expiry
   * @param loader computes the value; returning null means "absent", which is not cached
   * @return the value, or empty if the loader returned null
   */
  Optional<byte[]> getOrLoad(String key, Duration ttl, CacheLoader<byte[]> loader);

  /**
   * Returns a typed view of this cache that encodes values with a codec.
   *
   * @param codec converts values to and from bytes
   * @param <T> the value type
   * @return the typed view
   */
  <T> TypedCache<T> typed(Codec<T> codec);
}
