package dev.plinth.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.plinth.cache.Cache;
import dev.plinth.core.Platform;
import dev.plinth.testing.EmbeddedRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;

/**
 * The {@code redis} cache against raw pooled Jedis: 100-byte values on one embedded redis-server.
 * The raw side uses the provider's own {@link JedisPooled} (via {@code unwrap}), so both share one
 * connection pool and configuration and the difference is the portable layer alone. Thread counts
 * come from the runner ({@link BenchmarkMain} runs 1 and 8).
 */
@State(Scope.Benchmark)
public class RedisCacheBenchmark {
  static final int KEYS = 1024;
  static final int BATCH = 100;
  private static final Duration TTL = Duration.ofMinutes(10);

  private EmbeddedRedis redis;
  private Platform platform;
  private Cache cache;
  private JedisPooled jedis;
  private final byte[] value = Payloads.random(100);
  private final String[] plinthKeys = new String[KEYS];
  private final String[] rawKeys = new String[KEYS];
  private final List<String> plinthBatchKeys = new ArrayList<>();
  private final List<String> rawBatchKeys = new ArrayList<>();
  private final Map<String, byte[]> plinthBatch = new LinkedHashMap<>();
  private final Map<String, byte[]> rawBatch = new LinkedHashMap<>();

  /** Starts redis and the platform, and writes every key once so reads hit. */
  @Setup(Level.Trial)
  public void start() {
    redis = EmbeddedRedis.start();
    platform = Platforms.only("cache", "redis", Map.of("plinth.cache.redis.url", redis.url()));
    cache = platform.cache();
    jedis = cache.unwrap(JedisPooled.class);
    for (int i = 0; i < KEYS; i++) {
      plinthKeys[i] = "bench:" + i;
      // Plinth namespaces keys as "plinth:<key>"; the raw side uses keys of the same length.
      rawKeys[i] = "rawbch:bench:" + i;
      cache.put(plinthKeys[i], value, TTL);
      rawPut(rawKeys[i]);
    }
    for (int i = 0; i < BATCH; i++) {
      plinthBatchKeys.add(plinthKeys[i]);
      rawBatchKeys.add(rawKeys[i]);
      plinthBatch.put(plinthKeys[i], value);
      rawBatch.put(rawKeys[i], value);
    }
  }

  /** Stops the platform and redis. */
  @TearDown(Level.Trial)
  public void stop() {
    platform.close();
    redis.close();
  }

  /**
   * Plinth get of a present key.
   *
   * @param cursor the thread's key cursor
   * @return the value
   */
  @Benchmark
  public Optional<byte[]> get_plinth(KeyCursor cursor) {
    return cache.get(plinthKeys[cursor.next(KEYS)]);
  }

  /**
   * Raw GET of a present key.
   *
   * @param cursor the thread's key cursor
   * @return the value
   */
  @Benchmark
  public byte[] get_raw(KeyCursor cursor) {
    return jedis.get(rawKeys[cursor.next(KEYS)].getBytes(UTF_8));
  }

  /**
   * Plinth put with a TTL.
   *
   * @param cursor the thread's key cursor
   */
  @Benchmark
  public void put_plinth(KeyCursor cursor) {
    cache.put(plinthKeys[cursor.next(KEYS)], value, TTL);
  }

  /**
   * Raw SET PX.
   *
   * @param cursor the thread's key cursor
   * @return the reply
   */
  @Benchmark
  public String put_raw(KeyCursor cursor) {
    return rawPut(rawKeys[cursor.next(KEYS)]);
  }

  /**
   * Plinth getAll of 100 present keys (one MGET).
   *
   * @return the values
   */
  @Benchmark
  public Map<String, byte[]> getAll100_plinth() {
    return cache.getAll(plinthBatchKeys);
  }

  /**
   * Raw MGET of 100 keys, mapped back to keys as a caller would.
   *
   * @return the values
   */
  @Benchmark
  public Map<String, byte[]> getAll100_raw() {
    byte[][] keys = new byte[BATCH][];
    for (int i = 0; i < BATCH; i++) {
      keys[i] = rawBatchKeys.get(i).getBytes(UTF_8);
    }
    List<byte[]> values = jedis.mget(keys);
    Map<String, byte[]> found = new LinkedHashMap<>();
    for (int i = 0; i < BATCH; i++) {
      if (values.get(i) != null) {
        found.put(rawBatchKeys.get(i), values.get(i));
      }
    }
    return found;
  }

  /** Plinth putAll of 100 entries with a TTL (one pipeline). */
  @Benchmark
  public void putAll100_plinth() {
    cache.putAll(plinthBatch, TTL);
  }

  /**
   * Raw pipeline of 100 SET PX.
   *
   * @return the last reply
   */
  @Benchmark
  public String putAll100_raw() {
    List<Response<String>> replies = new ArrayList<>(BATCH);
    try (Pipeline pipeline = jedis.pipelined()) {
      rawBatch.forEach(
          (key, v) ->
              replies.add(pipeline.set(key.getBytes(UTF_8), v, SetParams.setParams().px(ttl()))));
      pipeline.sync();
    }
    return replies.get(BATCH - 1).get();
  }

  private String rawPut(String key) {
    return jedis.set(key.getBytes(UTF_8), value, SetParams.setParams().px(ttl()));
  }

  private static long ttl() {
    return TTL.toMillis();
  }
}
