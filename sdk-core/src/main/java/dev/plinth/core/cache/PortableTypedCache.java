package dev.plinth.core.cache;

import dev.plinth.cache.Cache;
import dev.plinth.cache.CacheLoader;
import dev.plinth.cache.Codec;
import dev.plinth.cache.TypedCache;
import dev.plinth.error.PlinthException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link TypedCache} over a byte cache. Codec failures become a {@link PlinthException} that
 * names the key but never the value, which may be personal data.
 *
 * @param <T> the value type
 */
final class PortableTypedCache<T> implements TypedCache<T> {
  private final Cache cache;
  private final Codec<T> codec;

  PortableTypedCache(Cache cache, Codec<T> codec) {
    this.cache = cache;
    this.codec = codec;
  }

  @Override
  public Optional<T> get(String key) {
    return cache.get(key).map(bytes -> decode(key, bytes));
  }

  @Override
  public void put(String key, T value, Duration ttl) {
    cache.put(key, encode(key, value), ttl);
  }

  @Override
  public boolean putIfAbsent(String key, T value, Duration ttl) {
    return cache.putIfAbsent(key, encode(key, value), ttl);
  }

  @Override
  public boolean delete(String key) {
    return cache.delete(key);
  }

  @Override
  public Map<String, T> getAll(Collection<String> keys) {
    Map<String, T> result = new LinkedHashMap<>();
    cache.getAll(keys).forEach((key, bytes) -> result.put(key, decode(key, bytes)));
    return result;
  }

  @Override
  public void putAll(Map<String, T> entries, Duration ttl) {
    Objects.requireNonNull(entries, "entries");
    Map<String, byte[]> encoded = new LinkedHashMap<>();
    entries.forEach((key, value) -> encoded.put(key, encode(key, value)));
    cache.putAll(encoded, ttl);
  }

  @Override
  public Optional<T> getOrLoad(String key, Duration ttl, CacheLoader<T> loader) {
    Objects.requireNonNull(loader, "loader");
    return cache
        .getOrLoad(
            key,
            ttl,
            k -> {
              T value = loader.load(k);
              return value == null ? null : encode(k, value);
            })
        .map(bytes -> decode(key, bytes));
  }

  private byte[] encode(String key, T value) {
    Objects.requireNonNull(value, "value");
    byte[] bytes;
    try {
      bytes = codec.encode(value);
    } catch (RuntimeException e) {
      throw new PlinthException(
          "Cannot encode the value for cache key '" + key + "' with " + codecName() + ".", e);
    }
    if (bytes == null) {
      throw new PlinthException(
          "Codec " + codecName() + " returned null for cache key '" + key + "'; return bytes.");
    }
    return bytes;
  }

  private T decode(String key, byte[] bytes) {
    try {
      return codec.decode(bytes);
    } catch (RuntimeException e) {
      throw new PlinthException(
          "Cannot decode the cached value of key '"
              + key
              + "' with "
              + codecName()
              + ". Delete the key or fix the codec; the entry may have been written by another"
              + " version of the application.",
          e);
    }
  }

  private String codecName() {
    return codec.getClass().getName();
  }
}
