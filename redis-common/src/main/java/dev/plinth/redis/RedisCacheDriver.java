package dev.plinth.redis;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.cache.CacheCapabilities;
import dev.plinth.error.PlinthException;
import dev.plinth.spi.cache.CacheDriver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * A {@link CacheDriver} on one Redis server through a Jedis connection pool. Reused by cloud
 * variants (e.g. {@code azure-redis}) with their own {@link RedisSettings}.
 *
 * <p>Connection failures surface as {@link dev.plinth.error.ProviderUnavailableException}; after
 * one, idle pooled connections are dropped so the driver recovers as soon as the server is back.
 */
public final class RedisCacheDriver implements CacheDriver {

  /** Redis' largest string value: 512 MiB. */
  public static final long MAX_VALUE_BYTES = 512L * 1024 * 1024;

  private static final Capabilities CAPABILITIES =
      Capabilities.builder()
          .feature(CacheCapabilities.SHARED, CacheCapabilities.DISTRIBUTED_SINGLE_FLIGHT)
          .limit(CacheCapabilities.MAX_VALUE_BYTES, MAX_VALUE_BYTES)
          .build();

  private final RedisSettings settings;
  private final JedisPooled jedis;
  private final RedisErrors errors;
  private final RedisPrefixDeleter prefixDeleter;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Creates a driver on an open client; the driver owns and closes it.
   *
   * @param settings the settings the client was opened with (used in messages)
   * @param jedis the pooled client
   */
  public RedisCacheDriver(RedisSettings settings, JedisPooled jedis) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.jedis = Objects.requireNonNull(jedis, "jedis");
    this.errors = new RedisErrors(settings);
    this.prefixDeleter = new RedisPrefixDeleter(jedis);
  }

  /**
   * Opens a pool with {@link RedisConnections#open} and creates a driver on it.
   *
   * @param settings where and how to connect
   * @return the driver
   */
  public static RedisCacheDriver connect(RedisSettings settings) {
    return new RedisCacheDriver(settings, RedisConnections.open(settings));
  }

  @Override
  public byte[] get(String key) {
    // Single-key calls are written out rather than passed to call(): no capturing lambda per call.
    ensureOpen("get");
    try {
      return jedis.get(bytes(key));
    } catch (JedisException e) {
      throw translate("get", e);
    }
  }

  @Override
  public void put(String key, byte[] value, Duration ttl) {
    ensureOpen("put");
    try {
      jedis.set(bytes(key), value, expiring(new SetParams(), ttl));
    } catch (JedisException e) {
      throw translate("put", e);
    }
  }

  @Override
  public boolean putIfAbsent(String key, byte[] value, Duration ttl) {
    ensureOpen("putIfAbsent");
    try {
      return jedis.set(bytes(key), value, expiring(SetParams.setParams().nx(), ttl)) != null;
    } catch (JedisException e) {
      throw translate("putIfAbsent", e);
    }
  }

  @Override
  public boolean delete(String key) {
    ensureOpen("delete");
    try {
      return jedis.del(bytes(key)) > 0;
    } catch (JedisException e) {
      throw translate("delete", e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Duplicate keys need no de-duplication copy: MGET answers each position, and a duplicate only
   * puts the same value under the same key again.
   */
  @Override
  public Map<String, byte[]> getAll(Collection<String> keys) {
    if (keys.isEmpty()) {
      return new LinkedHashMap<>();
    }
    byte[][] raw = new byte[keys.size()][];
    int i = 0;
    for (String key : keys) {
      raw[i++] = bytes(key);
    }
    List<byte[]> values = call("getAll", () -> jedis.mget(raw));
    Map<String, byte[]> hits = new LinkedHashMap<>((int) (raw.length / 0.75f) + 1);
    i = 0;
    for (String key : keys) { // same iteration order as above: values are positional
      byte[] value = values.get(i++);
      if (value != null) {
        hits.put(key, value);
      }
    }
    return hits;
  }

  @Override
  public void putAll(Map<String, byte[]> entries, Duration ttl) {
    if (entries.isEmpty()) {
      return;
    }
    // Jedis copies the parameters into each command's arguments, so one instance serves the batch.
    SetParams params = expiring(new SetParams(), ttl);
    call(
        "putAll",
        () -> {
          List<Response<String>> replies = new ArrayList<>(entries.size());
          try (Pipeline pipeline = jedis.pipelined()) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
              replies.add(pipeline.set(bytes(entry.getKey()), entry.getValue(), params));
            }
            pipeline.sync();
          }
          for (Response<String> reply : replies) {
            reply.get(); // surfaces a per-command error, if any
          }
          return null;
        });
  }

  @Override
  public long increment(String key, long delta, Duration ttl) {
    String ttlArg = ttl == null ? "" : Long.toString(ttlMillis(ttl));
    Object value =
        call(
            "increment",
            () ->
                RedisScript.INCREMENT.run(
                    jedis, List.of(key), List.of(Long.toString(delta), ttlArg)));
    return (Long) value;
  }

  @Override
  public long deleteByPrefix(String prefix) {
    return call("deleteByPrefix", () -> prefixDeleter.deleteByPrefix(prefix));
  }

  @Override
  public String tryLease(String key, Duration ttl) {
    Objects.requireNonNull(ttl, "a lease needs a TTL");
    String token = UUID.randomUUID().toString();
    String reply =
        call(
            "tryLease", () -> jedis.set(key, token, SetParams.setParams().nx().px(ttlMillis(ttl))));
    return reply == null ? null : token;
  }

  @Override
  public void releaseLease(String key, String token) {
    call("releaseLease", () -> RedisScript.RELEASE_LEASE.run(jedis, List.of(key), List.of(token)));
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  /**
   * Sends {@code PING}.
   *
   * @throws PlinthException mapped like every other call
   */
  public void ping() {
    call("ping", jedis::ping);
  }

  @Override
  public Health health() {
    long start = System.nanoTime();
    try {
      call("health check", jedis::ping);
    } catch (PlinthException e) {
      return Health.down(e.getMessage()).withData(Map.of("address", settings.address()));
    }
    double latencyMs = (System.nanoTime() - start) / 1_000_000.0;
    return Health.up("Redis at " + settings.address() + " answered PING")
        .withData(Map.of("address", settings.address(), "latencyMs", latencyMs));
  }

  /**
   * Returns the {@link JedisPooled} client.
   *
   * @return the client
   */
  @Override
  public Object nativeClient() {
    return jedis;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      jedis.close();
    }
  }

  @Override
  public String toString() {
    return "RedisCacheDriver{" + settings + '}';
  }

  private <T> T call(String operation, Supplier<T> action) {
    ensureOpen(operation);
    try {
      return action.get();
    } catch (JedisException e) {
      throw translate(operation, e);
    }
  }

  private void ensureOpen(String operation) {
    if (closed.get()) {
      throw new IllegalStateException(
          "The Redis cache driver for "
              + settings.address()
              + " is closed; "
              + operation
              + " refused");
    }
  }

  private PlinthException translate(String operation, JedisException e) {
    PlinthException translated = errors.translate(operation, e);
    if (translated.isRetryable()) {
      dropIdleConnections();
    }
    return translated;
  }

  // Idle connections are likely dead after a connection failure (e.g. a server restart); dropping
  // them means the next call opens a fresh one instead of failing once per stale connection.
  private void dropIdleConnections() {
    try {
      jedis.getPool().clear();
    } catch (RuntimeException ignored) {
      // best effort: a closed pool has nothing to clear
    }
  }

  private static SetParams expiring(SetParams params, Duration ttl) {
    return ttl == null ? params : params.px(ttlMillis(ttl));
  }

  private static long ttlMillis(Duration ttl) {
    // Redis rejects PX 0; a sub-millisecond TTL rounds up to the smallest it accepts.
    return Math.max(1, ttl.toMillis());
  }

  static byte[] bytes(String key) {
    return key.getBytes(StandardCharsets.UTF_8);
  }
}
