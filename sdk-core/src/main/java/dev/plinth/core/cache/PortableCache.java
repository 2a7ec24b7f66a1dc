package dev.plinth.core.cache;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.cache.Cache;
import dev.plinth.cache.CacheCapabilities;
import dev.plinth.cache.CacheLoader;
import dev.plinth.cache.Codec;
import dev.plinth.cache.TypedCache;
import dev.plinth.config.PlinthConfig;
import dev.plinth.core.internal.Unwrapper;
import dev.plinth.spi.cache.CacheDriver;
import dev.plinth.telemetry.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link Cache} every provider is served through. It adds, once for all backends: key and TTL
 * validation, namespacing ({@code plinth.cache.namespace}, default {@code plinth}), single-flight
 * {@code getOrLoad} (optionally across processes with {@code
 * plinth.cache.distributed-single-flight=true}), metrics and error mapping. The driver only
 * implements backend primitives.
 */
public final class PortableCache implements Cache, AutoCloseable {
  /** Key of the namespace that prefixes every key. */
  public static final String NAMESPACE_KEY = "plinth.cache.namespace";

  /** Key that turns on cross-process single-flight where the driver supports it. */
  public static final String DISTRIBUTED_KEY = "plinth.cache.distributed-single-flight";

  /** Key of how long a process waits for another one's load before loading itself. */
  public static final String LEASE_WAIT_KEY = "plinth.cache.lease-wait";

  /** Key of how long a load lease lives if its holder dies. */
  public static final String LEASE_TTL_KEY = "plinth.cache.lease-ttl";

  /** Key of how often a waiting process polls for the value. */
  public static final String LEASE_POLL_KEY = "plinth.cache.lease-poll-interval";

  /**
   * How long health stays DEGRADED after {@code getOrLoad} last served callers past a failing
   * backend: a backend that flaps is not healthy just because its last probe answered.
   */
  public static final Duration DEGRADED_AFTER_OUTAGE = Duration.ofMinutes(1);

  private final String provider;
  private final CacheDriver driver;
  private final CacheKeys keys;
  private final CacheInstruments instruments;
  private final SingleFlightLoader loader;
  private final Clock clock;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Wraps a started driver.
   *
   * @param provider the provider name, e.g. {@code redis}
   * @param driver the started driver
   * @param telemetry where metrics go
   * @param config the merged configuration
   */
  public PortableCache(
      String provider, CacheDriver driver, Telemetry telemetry, PlinthConfig config) {
    this(provider, driver, telemetry, config, Clock.systemUTC());
  }

  /** As the public constructor, with the clock that dates absorbed outages (for tests). */
  PortableCache(
      String provider, CacheDriver driver, Telemetry telemetry, PlinthConfig config, Clock clock) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.driver = Objects.requireNonNull(driver, "driver");
    Objects.requireNonNull(telemetry, "telemetry");
    Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.keys = new CacheKeys(config.getString(NAMESPACE_KEY, "plinth"));
    this.instruments = new CacheInstruments(provider, telemetry, clock);
    this.loader = new SingleFlightLoader(driver, instruments, leaseSettings(driver, config));
  }

  private static SingleFlightLoader.LeaseSettings leaseSettings(
      CacheDriver driver, PlinthConfig config) {
    boolean wanted = config.getBoolean(DISTRIBUTED_KEY, false);
    if (!wanted || !driver.capabilities().supports(CacheCapabilities.DISTRIBUTED_SINGLE_FLIGHT)) {
      // Without backend support single-flight stays per JVM, which is still correct, only wider.
      return null;
    }
    return new SingleFlightLoader.LeaseSettings(
        positive(config, LEASE_TTL_KEY, Duration.ofSeconds(30)),
        positive(config, LEASE_WAIT_KEY, Duration.ofSeconds(5)),
        positive(config, LEASE_POLL_KEY, Duration.ofMillis(20)));
  }

  private static Duration positive(PlinthConfig config, String key, Duration defaultValue) {
    Duration value = config.getDuration(key, defaultValue);
    if (value.isNegative() || value.isZero()) {
      throw PlinthConfig.invalid(
          key, value.toString(), "a positive duration, e.g. " + defaultValue);
    }
    return value;
  }

  @Override
  public Optional<byte[]> get(String key) {
    String full = keys.toFull(key);
    // Single-key operations are written out instead of going through instruments.call: a
    // capturing lambda per call is measurable against an in-process backend.
    long start = instruments.start();
    byte[] value;
    try {
      value = driver.get(full);
    } catch (RuntimeException e) {
      throw instruments.failed("get", start, e);
    }
    instruments.succeeded("get", start);
    instruments.request(value == null ? CacheInstruments.MISS : CacheInstruments.HIT);
    return Optional.ofNullable(value);
  }

  @Override
  public void put(String key, byte[] value, Duration ttl) {
    String full = keys.toFull(key);
    Objects.requireNonNull(value, "value");
    CacheKeys.checkTtl(ttl);
    long start = instruments.start();
    try {
      driver.put(full, value, ttl);
    } catch (RuntimeException e) {
      throw instruments.failed("put", start, e);
    }
    instruments.succeeded("put", start);
  }

  @Override
  public boolean putIfAbsent(String key, byte[] value, Duration ttl) {
    String full = keys.toFull(key);
    Objects.requireNonNull(value, "value");
    CacheKeys.checkTtl(ttl);
    long start = instruments.start();
    boolean written;
    try {
      written = driver.putIfAbsent(full, value, ttl);
    } catch (RuntimeException e) {
      throw instruments.failed("putIfAbsent", start, e);
    }
    instruments.succeeded("putIfAbsent", start);
    return written;
  }

  @Override
  public boolean delete(String key) {
    String full = keys.toFull(key);
    long start = instruments.start();
    boolean deleted;
    try {
      deleted = driver.delete(full);
    } catch (RuntimeException e) {
      throw instruments.failed("delete", start, e);
    }
    instruments.succeeded("delete", start);
    return deleted;
  }

  @Override
  public Map<String, byte[]> getAll(Collection<String> keysWanted) {
    Objects.requireNonNull(keysWanted, "keys");
    if (keysWanted.isEmpty()) {
      return Map.of();
    }
    // Full keys go to the driver positionally, duplicates included (drivers accept them), and the
    // caller's own keys key the result: no de-duplication copy, no key cut back out of a full key.
    List<String> fullKeys = new ArrayList<>(keysWanted.size());
    for (String key : keysWanted) {
      fullKeys.add(keys.toFull(key));
    }
    Map<String, byte[]> found = instruments.call("getAll", () -> driver.getAll(fullKeys));
    Map<String, byte[]> result = new LinkedHashMap<>(capacity(found.size()));
    int i = 0;
    for (String key : keysWanted) { // the order fullKeys was built in
      byte[] value = found.get(fullKeys.get(i++));
      if (value != null) {
        result.put(key, value);
      }
    }
    return result;
  }

  @Override
  public void putAll(Map<String, byte[]> entries, Duration ttl) {
    Objects.requireNonNull(entries, "entries");
    CacheKeys.checkTtl(ttl);
    if (entries.isEmpty()) {
      return;
    }
    Map<String, byte[]> full = new LinkedHashMap<>(capacity(entries.size()));
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      full.put(keys.toFull(entry.getKey()), Objects.requireNonNull(entry.getValue(), "value"));
    }
    instruments.call(
        "putAll",
        () -> {
          driver.putAll(full, ttl);
          return null;
        });
  }

  /** A hash map capacity that holds {@code size} entries without resizing. */
  private static int capacity(int size) {
    return (int) (size / 0.75f) + 1;
  }

  @Override
  public long increment(String key, long delta, Duration ttl) {
    String full = keys.toFull(key);
    CacheKeys.checkTtl(ttl);
    long start = instruments.start();
    long value;
    try {
      value = driver.increment(full, delta, ttl);
    } catch (RuntimeException e) {
      throw instruments.failed("increment", start, e);
    }
    instruments.succeeded("increment", start);
    return value;
  }

  @Override
  public long deleteByPrefix(String prefix) {
    String full = keys.toFullPrefix(prefix);
    return instruments.call("deleteByPrefix", () -> driver.deleteByPrefix(full));
  }

  @Override
  public Optional<byte[]> getOrLoad(String key, Duration ttl, CacheLoader<byte[]> valueLoader) {
    String full = keys.toFull(key);
    CacheKeys.checkTtl(ttl);
    Objects.requireNonNull(valueLoader, "loader");
    return Optional.ofNullable(loader.getOrLoad(key, full, ttl, valueLoader));
  }

  @Override
  public <T> TypedCache<T> typed(Codec<T> codec) {
    return new PortableTypedCache<>(this, Objects.requireNonNull(codec, "codec"));
  }

  @Override
  public String provider() {
    return provider;
  }

  @Override
  public Capabilities capabilities() {
    return driver.capabilities();
  }

  /**
   * The driver's health, except that an UP backend is reported DEGRADED for {@link
   * #DEGRADED_AFTER_OUTAGE} after {@code getOrLoad} last had to serve callers without it.
   */
  @Override
  public Health health() {
    Health backend;
    try {
      backend = driver.health();
    } catch (RuntimeException e) {
      return Health.down(
          "Cache provider '" + provider + "' health check failed with " + e.getClass().getName());
    }
    Instant outage = instruments.lastAbsorbedOutage();
    if (backend.state() != Health.State.UP
        || outage == null
        || !clock.instant().isBefore(outage.plus(DEGRADED_AFTER_OUTAGE))) {
      return backend;
    }
    return Health.degraded(
        "Cache provider '"
            + provider
            + "' answers again, but at "
            + outage
            + " getOrLoad served callers from their loaders because the backend failed; "
            + "check the backend's stability. Reported DEGRADED until "
            + outage.plus(DEGRADED_AFTER_OUTAGE)
            + " if no failure recurs.");
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    return Unwrapper.unwrap(
        this, driver, driver.nativeClient(), type, "Cache provider '" + provider + "'");
  }

  /** Closes the driver once; later calls do nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      driver.close();
    }
  }

  @Override
  public String toString() {
    return "PortableCache{provider=" + provider + '}';
  }
}
