package dev.plinth.cache;

/**
 * Computes a value on a cache miss.
 *
 * @param <V> the value type
 */
@FunctionalInterface
public interface CacheLoader<V> {

  /**
   * Loads the value for a key.
   *
   * @param key the key that missed
   * @return the value, or null if there is none (nothing is cached then)
   * @throws Exception if loading fails; the failure reaches every caller waiting on this key
   */
  V load(String key) throws Exception;
}
