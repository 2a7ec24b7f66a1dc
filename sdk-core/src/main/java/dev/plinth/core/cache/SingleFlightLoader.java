package dev.plinth.core.cache;

import dev.plinth.cache.CacheLoader;
import dev.plinth.error.PlinthException;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.spi.cache.CacheDriver;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;

/**
 * The {@code getOrLoad} algorithm: concurrent misses for one key share one load per JVM and,
 * optionally, one load across processes through a backend lease. A cache outage is a miss here: the
 * caller's read path never fails because the cache is down.
 */
final class SingleFlightLoader {
  private static final String LEASE_SUFFIX = ":lease";

  private final CacheDriver driver;
  private final CacheInstruments instruments;
  private final LeaseSettings lease;
  private final ConcurrentHashMap<String, CompletableFuture<byte[]>> inFlight =
      new ConcurrentHashMap<>();

  /**
   * Creates the loader.
   *
   * @param driver the backend
   * @param instruments metrics and error mapping
   * @param lease cross-process settings, or null to single-flight per JVM only
   */
  SingleFlightLoader(CacheDriver driver, CacheInstruments instruments, LeaseSettings lease) {
    this.driver = driver;
    this.instruments = instruments;
    this.lease = lease;
  }

  /**
   * Returns the cached value or loads it once.
   *
   * @param key the caller's key, passed to the loader
   * @param fullKey the namespaced key
   * @param ttl the TTL of a loaded value, or null
   * @param loader computes the value
   * @return the value, or null if the loader returned null
   */
  byte[] getOrLoad(String key, String fullKey, Duration ttl, CacheLoader<byte[]> loader) {
    byte[] cached = readOrMiss(fullKey);
    if (cached != null) {
      instruments.request(CacheInstruments.HIT);
      return cached;
    }
    instruments.request(CacheInstruments.MISS);
    CompletableFuture<byte[]> mine = new CompletableFuture<>();
    CompletableFuture<byte[]> running = inFlight.putIfAbsent(fullKey, mine);
    if (running != null) {
      return awaitOther(key, running);
    }
    try {
      byte[] value =
          lease == null
              ? recheckThenLoad(key, fullKey, ttl, loader)
              : leased(key, fullKey, ttl, loader);
      mine.complete(value);
      return value;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(fullKey, mine);
    }
  }

  private byte[] recheckThenLoad(
      String key, String fullKey, Duration ttl, CacheLoader<byte[]> loader) {
    // Another thread may have stored the value between our miss and taking the in-flight slot.
    byte[] stored = readOrMiss(fullKey);
    return stored != null ? stored : loadAndStore(key, fullKey, ttl, loader);
  }

  private byte[] leased(String key, String fullKey, Duration ttl, CacheLoader<byte[]> loader) {
    String leaseKey = fullKey + LEASE_SUFFIX;
    long deadline = System.nanoTime() + lease.waitTime().toNanos();
    while (true) {
      Lease held = tryLease(leaseKey);
      if (held != null) {
        try {
          return recheckThenLoad(key, fullKey, ttl, loader);
        } finally {
          release(leaseKey, held);
        }
      }
      LockSupport.parkNanos(lease.pollInterval().toNanos());
      if (Thread.currentThread().isInterrupted()) {
        throw new PlinthException(
            "Interrupted while waiting for another process to load cache key '" + key + "'.");
      }
      byte[] stored = readOrMiss(fullKey);
      if (stored != null) {
        return stored;
      }
      if (System.nanoTime() - deadline >= 0) {
        // The lease holder is slow or gone: load ourselves rather than fail or wait forever.
        instruments.count("getOrLoad", "lease-timeout");
        return loadAndStore(key, fullKey, ttl, loader);
      }
    }
  }

  private Lease tryLease(String leaseKey) {
    try {
      String token = instruments.call("tryLease", () -> driver.tryLease(leaseKey, lease.ttl()));
      return token == null ? null : new Lease(token);
    } catch (ProviderUnavailableException e) {
      instruments.absorbedOutage();
      return new Lease(null);
    }
  }

  private void release(String leaseKey, Lease held) {
    if (held.token() == null) {
      return;
    }
    try {
      instruments.call(
          "releaseLease",
          () -> {
            driver.releaseLease(leaseKey, held.token());
            return null;
          });
    } catch (ProviderUnavailableException e) {
      // The lease expires on its own after its TTL.
      instruments.absorbedOutage();
    }
  }

  private byte[] loadAndStore(
      String key, String fullKey, Duration ttl, CacheLoader<byte[]> loader) {
    byte[] value = load(key, loader);
    if (value == null) {
      return null;
    }
    instruments.request(CacheInstruments.LOADED);
    try {
      instruments.call(
          "put",
          () -> {
            driver.put(fullKey, value, ttl);
            return null;
          });
    } catch (ProviderUnavailableException e) {
      instruments.absorbedOutage();
    }
    return value;
  }

  private byte[] load(String key, CacheLoader<byte[]> loader) {
    try {
      return loader.load(key);
    } catch (RuntimeException e) {
      instruments.count("load", "error");
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      instruments.count("load", "error");
      throw new PlinthException("Loading cache key '" + key + "' was interrupted.", e);
    } catch (Exception e) {
      instruments.count("load", "error");
      throw new PlinthException(
          "Loading cache key '"
              + key
              + "' failed with "
              + e.getClass().getName()
              + " (the cause); nothing was cached and the next call loads again.",
          e);
    }
  }

  private byte[] readOrMiss(String fullKey) {
    try {
      return instruments.call("get", () -> driver.get(fullKey));
    } catch (ProviderUnavailableException e) {
      instruments.absorbedOutage();
      return null;
    }
  }

  private static byte[] awaitOther(String key, CompletableFuture<byte[]> running) {
    try {
      byte[] value = running.get();
      // Each waiter gets its own copy: arrays are mutable and shared with the leader.
      return value == null ? null : value.clone();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new PlinthException("Loading cache key '" + key + "' failed.", cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlinthException(
          "Interrupted while waiting for another thread to load cache key '" + key + "'.", e);
    }
  }

  /** A lease on the backend; a null token means "the backend is down, load without one". */
  private record Lease(String token) {}

  /**
   * Settings of cross-process single-flight.
   *
   * @param ttl how long a lease lives if its holder never releases it
   * @param waitTime how long a process without the lease polls before loading itself
   * @param pollInterval how often it polls
   */
  record LeaseSettings(Duration ttl, Duration waitTime, Duration pollInterval) {}
}
