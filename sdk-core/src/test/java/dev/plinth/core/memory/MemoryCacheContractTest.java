package dev.plinth.core.memory;

import dev.plinth.cache.Cache;
import dev.plinth.core.cache.PortableCache;
import dev.plinth.tck.CacheContract;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.telemetry.Telemetry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Runs the cache contract against the memory provider, with a fake clock for expiry. */
class MemoryCacheContractTest extends CacheContract {
  private static final AtomicLong NOW = new AtomicLong();
  private static PortableCache cache;

  @BeforeAll
  static void start() {
    MemoryCacheDriver driver =
        new MemoryCacheDriver(MemoryCacheDriver.DEFAULT_MAX_ENTRIES, NOW::get);
    cache = new PortableCache("memory", driver, Telemetry.noop(), MapPlinthConfig.empty());
  }

  @AfterAll
  static void stop() {
    cache.close();
  }

  @Override
  protected Cache cache() {
    return cache;
  }

  @Override
  protected void advanceTime(Duration duration) {
    NOW.addAndGet(duration.toNanos());
  }
}
