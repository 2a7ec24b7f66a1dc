package dev.plinth.tck;

import static org.awaitility.Awaitility.await;

import dev.plinth.cache.Cache;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/**
 * The contract every {@link Cache} provider passes (DESIGN.md section 4, Cache). A provider test
 * extends it, starts its backend once per class and returns the cache from {@link #cache()}. Every
 * test works under a random key prefix, so tests never see each other's keys.
 *
 * <p>Expiry tests use {@link #shortTtl()} and {@link #advanceTime(Duration)}: real backends wait in
 * real time (about a second per test); an in-process cache can override both to move a fake clock.
 */
public abstract class CacheContract {
  private String prefix;

  /**
   * Returns the cache under test, started once per test class.
   *
   * @return the cache
   */
  protected abstract Cache cache();

  /**
   * Returns the TTL used by expiry tests. Backends that expire lazily with coarse precision may
   * need more than the default of one second.
   *
   * @return a short, positive TTL
   */
  protected Duration shortTtl() {
    return Duration.ofSeconds(1);
  }

  /**
   * Lets time pass for the cache. The default waits in real time; a provider with an injectable
   * clock overrides it to advance the clock instantly.
   *
   * @param duration how much time passes
   */
  protected void advanceTime(Duration duration) {
    await().pollDelay(duration).atMost(duration.plusSeconds(5)).until(() -> true);
  }

  @BeforeEach
  void isolateKeys() {
    prefix = "tck-" + UUID.randomUUID() + ":";
  }

  /**
   * Returns a key under this test's random prefix.
   *
   * @param name the key's own part
   * @return the full key
   */
  protected String key(String name) {
    return prefix + name;
  }

  /** get and put. */
  @Nested
  class GetPut extends CacheGetPutScenarios {
    @Override
    CacheContract contract() {
      return CacheContract.this;
    }
  }

  /** Per-entry time to live. */
  @Nested
  class Ttl extends CacheTtlScenarios {
    @Override
    CacheContract contract() {
      return CacheContract.this;
    }
  }

  /** Atomic create-only writes. */
  @Nested
  class PutIfAbsent extends CachePutIfAbsentScenarios {
    @Override
    CacheContract contract() {
      return CacheContract.this;
    }
  }

  /** Deletion. */
  @Nested
  class Delete extends CacheDeleteScenarios {
    @Override
    CacheContract contract() {
      return CacheContract.this;
    }
  }

  /** getAll and putAll. */
  @Nested
  class Batch extends CacheBatchScenarios {
    @Override
    CacheContract contract() {
      return CacheContract.this;
    }
  }

  /** Atomic counters. */
  @Nested
  class Increment extends CacheIncrementScenarios {
    @Override
    CacheContract contract() {
      return CacheContract.this;
    }
  }

  /** Deleting by key prefix. */
  @Nested
  class DeleteByPrefix extends CacheDeleteByPrefixScenarios {
    @Override
    CacheContract contract() {
      return CacheContract.this;
    }
  }

  /** Single-flight loading. */
  @Nested
  class GetOrLoad extends CacheGetOrLoadScenarios {
    @Override
    CacheContract contract() {
      return CacheContract.this;
    }
  }

  /** Typed views through a codec. */
  @Nested
  class Typed extends CacheTypedScenarios {
    @Override
    CacheContract contract() {
      return CacheContract.this;
    }
  }

  /** Portable key rules. */
  @Nested
  class Keys extends CacheKeysScenarios {
    @Override
    CacheContract contract() {
      return CacheContract.this;
    }
  }
}
