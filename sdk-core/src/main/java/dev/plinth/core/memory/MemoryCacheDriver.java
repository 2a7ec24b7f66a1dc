package dev.plinth.core.memory;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.cache.CacheCapabilities;
import dev.plinth.error.PlinthException;
import dev.plinth.spi.cache.CacheDriver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * An in-process cache: a concurrent map with per-entry expiry read from an injectable nanosecond
 * clock, so TTL tests can advance time instead of waiting. Expired entries are dropped when read
 * and by a cheap sweep at most once per {@link #SWEEP_INTERVAL_NANOS}; above the entry limit the
 * expired entries go first, then the oldest writes. Counters are stored as decimal text, as Redis
 * does, so {@code get} of a counter reads the same on every provider.
 */
public final class MemoryCacheDriver implements CacheDriver {
  /** Default of {@code plinth.cache.memory.max-entries}. */
  public static final int DEFAULT_MAX_ENTRIES = 100_000;

  /** The sweep for expired entries runs at most this often (1 s of clock time). */
  static final long SWEEP_INTERVAL_NANOS = 1_000_000_000L;

  /** TTLs are capped at about a century; a constant because every write compares against it. */
  private static final Duration MAX_TTL = Duration.ofDays(36_500);

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong writes = new AtomicLong();
  private final AtomicLong lastSweep;
  private final ReentrantLock trimLock = new ReentrantLock();
  private final int maxEntries;
  private final LongSupplier clock;

  /** Creates a driver with the default limit and the system clock. */
  public MemoryCacheDriver() {
    this(DEFAULT_MAX_ENTRIES, System::nanoTime);
  }

  /**
   * Creates a driver.
   *
   * @param maxEntries the most entries kept; positive
   * @param nanoClock a monotonic nanosecond clock, {@code System::nanoTime} outside tests
   */
  public MemoryCacheDriver(int maxEntries, LongSupplier nanoClock) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive but was " + maxEntries);
    }
    this.maxEntries = maxEntries;
    this.clock = nanoClock;
    this.lastSweep = new AtomicLong(nanoClock.getAsLong());
  }

  @Override
  public byte[] get(String key) {
    Entry entry = live(key, clock.getAsLong());
    return entry == null ? null : entry.value().clone();
  }

  @Override
  public void put(String key, byte[] value, Duration ttl) {
    entries.put(key, newEntry(value.clone(), ttl, clock.getAsLong()));
    afterWrite();
  }

  @Override
  public boolean putIfAbsent(String key, byte[] value, Duration ttl) {
    long now = clock.getAsLong();
    Entry fresh = newEntry(value.clone(), ttl, now);
    Entry result = entries.compute(key, (k, old) -> old == null || old.expired(now) ? fresh : old);
    afterWrite();
    return result == fresh;
  }

  @Override
  public boolean delete(String key) {
    Entry removed = entries.remove(key);
    return removed != null && !removed.expired(clock.getAsLong());
  }

  @Override
  public Map<String, byte[]> getAll(Collection<String> keys) {
    long now = clock.getAsLong();
    Map<String, byte[]> found = new LinkedHashMap<>();
    for (String key : keys) {
      Entry entry = live(key, now);
      if (entry != null) {
        found.put(key, entry.value().clone());
      }
    }
    return found;
  }

  @Override
  public void putAll(Map<String, byte[]> values, Duration ttl) {
    long now = clock.getAsLong();
    values.forEach((key, value) -> entries.put(key, newEntry(value.clone(), ttl, now)));
    afterWrite();
  }

  @Override
  public long increment(String key, long delta, Duration ttl) {
    long now = clock.getAsLong();
    Entry updated =
        entries.compute(
            key,
            (k, old) -> {
              if (old == null || old.expired(now)) {
                return newEntry(encode(delta), ttl, now);
              }
              long sum;
              try {
                sum = Math.addExact(decode(k, old.value()), delta);
              } catch (ArithmeticException e) {
                throw new PlinthException("Counter '" + k + "' would overflow a 64-bit integer.");
              }
              // The TTL is set on creation only: later increments keep the original expiry.
              return new Entry(encode(sum), old.expiresAt(), writes.incrementAndGet());
            });
    afterWrite();
    return Long.parseLong(new String(updated.value(), StandardCharsets.US_ASCII));
  }

  @Override
  public long deleteByPrefix(String prefix) {
    long now = clock.getAsLong();
    long deleted = 0;
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      if (e.getKey().startsWith(prefix) && entries.remove(e.getKey(), e.getValue())) {
        deleted += e.getValue().expired(now) ? 0 : 1;
      }
    }
    return deleted;
  }

  @Override
  public String tryLease(String key, Duration ttl) {
    String token = UUID.randomUUID().toString();
    return putIfAbsent(key, token.getBytes(StandardCharsets.UTF_8), ttl) ? token : null;
  }

  @Override
  public void releaseLease(String key, String token) {
    byte[] expected = token.getBytes(StandardCharsets.UTF_8);
    entries.computeIfPresent(key, (k, old) -> Arrays.equals(old.value(), expected) ? null : old);
  }

  @Override
  public Capabilities capabilities() {
    // Leases work within this process only, which is exactly the reach of this cache.
    return Capabilities.builder()
        .feature(CacheCapabilities.DISTRIBUTED_SINGLE_FLIGHT)
        .limit("cache.memory.max-entries", maxEntries)
        .build();
  }

  @Override
  public Health health() {
    return Health.up("in-process cache").withData(Map.of("entries", entries.size()));
  }

  @Override
  public Object nativeClient() {
    return this;
  }

  @Override
  public void close() {
    entries.clear();
  }

  /**
   * Returns the number of entries held, expired ones included until they are swept.
   *
   * @return the entry count
   */
  public int size() {
    return entries.size();
  }

  private Entry live(String key, long now) {
    Entry entry = entries.get(key);
    if (entry != null && entry.expired(now)) {
      entries.remove(key, entry);
      return null;
    }
    return entry;
  }

  private Entry newEntry(byte[] value, Duration ttl, long now) {
    long expiresAt = ttl == null ? Entry.NEVER : now + saturatedNanos(ttl);
    return new Entry(value, expiresAt, writes.incrementAndGet());
  }

  private void afterWrite() {
    long now = clock.getAsLong();
    long last = lastSweep.get();
    if (now - last >= SWEEP_INTERVAL_NANOS && lastSweep.compareAndSet(last, now)) {
      entries.values().removeIf(e -> e.expired(now));
    }
    if (entries.size() > maxEntries) {
      trim(now);
    }
  }

  private void trim(long now) {
    if (!trimLock.tryLock()) {
      return; // another writer is already trimming
    }
    try {
      entries.values().removeIf(e -> e.expired(now));
      int excess = entries.size() - maxEntries;
      if (excess > 0) {
        // Evict a little more than needed so that sorting is not repeated on every write.
        int batch = Math.min(entries.size(), excess + maxEntries / 10);
        entries.entrySet().stream()
            .sorted(Comparator.comparingLong(e -> e.getValue().written()))
            .limit(batch)
            .toList()
            .forEach(e -> entries.remove(e.getKey(), e.getValue()));
      }
    } finally {
      trimLock.unlock();
    }
  }

  private static long saturatedNanos(Duration ttl) {
    // Keep deadlines within half the long range so that "now - deadline" never wraps.
    return ttl.compareTo(MAX_TTL) > 0 ? MAX_TTL.toNanos() : ttl.toNanos();
  }

  private static byte[] encode(long value) {
    return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
  }

  private static long decode(String key, byte[] value) {
    try {
      return Long.parseLong(new String(value, StandardCharsets.US_ASCII));
    } catch (NumberFormatException e) {
      throw new PlinthException(
          "Cache key '" + key + "' holds a value that is not an integer counter; delete it first.");
    }
  }

  /**
   * One cached value.
   *
   * @param value the bytes, owned by the map
   * @param expiresAt the clock time it expires at, or {@link #NEVER}
   * @param written a write sequence number: lower is older, for eviction
   */
  private record Entry(byte[] value, long expiresAt, long written) {
    static final long NEVER = Long.MIN_VALUE;

    boolean expired(long now) {
      return expiresAt != NEVER && now - expiresAt >= 0;
    }
  }
}
