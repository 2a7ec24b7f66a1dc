package dev.plinth.spi.cache;

import dev.plinth.spi.Driver;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * Backend primitives of a cache. Keys arrive validated and namespaced by sdk-core; TTLs are
 * positive or null (no expiry). Connection failures must be thrown as {@link
 * dev.plinth.error.ProviderUnavailableException}.
 */
public interface CacheDriver extends Driver {

  /**
   * Reads a value.
   *
   * @param key the full key
   * @return the value, or null on a miss
   */
  byte[] get(String key);

  /**
   * Writes a value.
   *
   * @param key the full key
   * @param value the value
   * @param ttl positive, or null for no expiry
   */
  void put(String key, byte[] value, Duration ttl);

  /**
   * Writes a value if absent, atomically.
   *
   * @param key the full key
   * @param value the value
   * @param ttl positive, or null
   * @return true if written
   */
  boolean putIfAbsent(String key, byte[] value, Duration ttl);

  /**
   * Deletes a key.
   *
   * @param key the full key
   * @return true if it existed
   */
  boolean delete(String key);

  /**
   * Reads several values in one round trip.
   *
   * @param keys the full keys
   * @return the hits by key
   */
  Map<String, byte[]> getAll(Collection<String> keys);

  /**
   * Writes several values in one round trip.
   *
   * @param entries full keys and values
   * @param ttl positive, or null
   */
  void putAll(Map<String, byte[]> entries, Duration ttl);

  /**
   * Adds to a counter atomically; a new counter starts at 0 and gets the TTL.
   *
   * @param key the full key
   * @param delta the amount
   * @param ttl TTL of a new counter, or null
   * @return the new value
   */
  long increment(String key, long delta, Duration ttl);

  /**
   * Deletes keys by prefix, incrementally (Redis: SCAN, never KEYS).
   *
   * @param prefix the full prefix
   * @return the number deleted
   */
  long deleteByPrefix(String prefix);

  /**
   * Tries to take a cross-process lease for single-flight loading. Called only if the driver
   * declares {@code cache.distributed-single-flight}.
   *
   * @param key the full lease key
   * @param ttl how long the lease lives if never released
   * @return a token proving ownership, or null if another process holds the lease
   */
  String tryLease(String key, Duration ttl);

  /**
   * Releases a lease if the token still owns it.
   *
   * @param key the full lease key
   * @param token the token from {@link #tryLease}
   */
  void releaseLease(String key, String token);
}
