package dev.plinth.bench;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.plinth.cache.Cache;
import dev.plinth.core.Platform;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The {@code memory} cache against raw Caffeine with the same bounds: 100,000 entries at most and a
 * TTL on every entry. 100-byte values, 1024 keys, every read a hit.
 */
@State(Scope.Benchmark)
public class MemoryCacheBenchmark {
  private static final int KEYS = 1024;
  private static final Duration TTL = Duration.ofMinutes(10);

  private Platform platform;
  private Cache cache;
  private com.github.benmanes.caffeine.cache.Cache<String, byte[]> caffeine;
  private final byte[] value = Payloads.random(100);
  private final String[] keys = new String[KEYS];

  /** Starts the platform and fills both caches. */
  @Setup(Level.Trial)
  public void start() {
    platform = Platforms.only("cache", "memory", Map.of());
    cache = platform.cache();
    caffeine =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(TTL.toNanos(), TimeUnit.NANOSECONDS)
            .build();
    for (int i = 0; i < KEYS; i++) {
      keys[i] = "bench:" + i;
      cache.put(keys[i], value, TTL);
      caffeine.put(keys[i], value);
    }
  }

  /** Closes the platform. */
  @TearDown(Level.Trial)
  public void stop() {
    platform.close();
  }

  /**
   * Plinth get of a present key.
   *
   * @param cursor the thread's key cursor
   * @return the value
   */
  @Benchmark
  public Optional<byte[]> get_plinth(KeyCursor cursor) {
    return cache.get(keys[cursor.next(KEYS)]);
  }

  /**
   * Caffeine getIfPresent of a present key.
   *
   * @param cursor the thread's key cursor
   * @return the value
   */
  @Benchmark
  public byte[] get_raw(KeyCursor cursor) {
    return caffeine.getIfPresent(keys[cursor.next(KEYS)]);
  }

  /**
   * Plinth put with a TTL.
   *
   * @param cursor the thread's key cursor
   */
  @Benchmark
  public void put_plinth(KeyCursor cursor) {
    cache.put(keys[cursor.next(KEYS)], value, TTL);
  }

  /**
   * Caffeine put.
   *
   * @param cursor the thread's key cursor
   */
  @Benchmark
  public void put_raw(KeyCursor cursor) {
    caffeine.put(keys[cursor.next(KEYS)], value);
  }
}
