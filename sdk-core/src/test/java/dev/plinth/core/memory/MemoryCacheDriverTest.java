package dev.plinth.core.memory;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.error.ConfigurationException;
import dev.plinth.error.PlinthException;
import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.cache.CacheDriver;
import dev.plinth.spi.cache.CacheProvider;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.telemetry.Telemetry;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MemoryCacheDriverTest {
  private final AtomicLong now = new AtomicLong(42);

  private MemoryCacheDriver driver(int maxEntries) {
    return new MemoryCacheDriver(maxEntries, now::get);
  }

  private static byte[] v(String s) {
    return s.getBytes(UTF_8);
  }

  @Test
  void get_expiredEntry_isDroppedOnRead() {
    MemoryCacheDriver d = driver(10);
    d.put("k", v("x"), Duration.ofSeconds(1));
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(d.get("k")).isNull();
    assertThat(d.size()).isZero();
  }

  @Test
  void put_afterSweepInterval_sweepsExpiredEntries() {
    MemoryCacheDriver d = driver(10);
    d.put("a", v("x"), Duration.ofMillis(10));
    d.put("b", v("x"), Duration.ofMillis(10));
    now.addAndGet(MemoryCacheDriver.SWEEP_INTERVAL_NANOS);
    d.put("c", v("x"), null);
    assertThat(d.size()).isEqualTo(1);
  }

  @Test
  void put_overLimit_evictsExpiredBeforeOldest() {
    MemoryCacheDriver d = driver(3);
    d.put("oldest", v("x"), null);
    d.put("expiring", v("x"), Duration.ofMillis(1));
    d.put("middle", v("x"), null);
    now.addAndGet(Duration.ofMillis(2).toNanos());
    d.put("newest", v("x"), null);
    assertThat(d.get("oldest")).isNotNull();
    assertThat(d.get("newest")).isNotNull();
    d.put("newest2", v("x"), null);
    assertThat(d.get("oldest")).isNull();
    assertThat(d.get("newest2")).isNotNull();
    assertThat(d.size()).isLessThanOrEqualTo(3);
  }

  @Test
  void get_returnsCopy_callerCannotChangeStoredValue() {
    MemoryCacheDriver d = driver(10);
    byte[] value = v("abc");
    d.put("k", value, null);
    value[0] = 'z';
    d.get("k")[1] = 'z';
    assertThat(new String(d.get("k"), UTF_8)).isEqualTo("abc");
  }

  @Test
  void increment_nonNumericValue_failsNamingKey() {
    MemoryCacheDriver d = driver(10);
    d.put("k", v("text"), null);
    assertThatThrownBy(() -> d.increment("k", 1, null))
        .isInstanceOf(PlinthException.class)
        .hasMessageContaining("'k'")
        .hasMessageNotContaining("text");
  }

  @Test
  void tryLease_heldLease_isRefusedUntilReleasedByOwner() {
    MemoryCacheDriver d = driver(10);
    String token = d.tryLease("l", Duration.ofMinutes(1));
    assertThat(token).isNotNull();
    assertThat(d.tryLease("l", Duration.ofMinutes(1))).isNull();
    d.releaseLease("l", "not-the-token");
    assertThat(d.tryLease("l", Duration.ofMinutes(1))).isNull();
    d.releaseLease("l", token);
    assertThat(d.tryLease("l", Duration.ofMinutes(1))).isNotNull();
  }

  @Test
  void tryLease_abandonedLease_expiresAfterTtl() {
    MemoryCacheDriver d = driver(10);
    d.tryLease("l", Duration.ofSeconds(5));
    now.addAndGet(Duration.ofSeconds(5).toNanos());
    assertThat(d.tryLease("l", Duration.ofSeconds(5))).isNotNull();
  }

  @Test
  void serviceLoader_findsMemoryProvider_whichReadsMaxEntries() {
    CacheProvider provider =
        ServiceLoader.load(CacheProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p.name().equals("memory"))
            .findFirst()
            .orElseThrow();
    var config = new MapPlinthConfig(Map.of("plinth.cache.memory.max-entries", "7"));
    try (CacheDriver d = provider.create(new ProviderContext("cache", config, Telemetry.noop()))) {
      assertThat(d.capabilities().limit("cache.memory.max-entries")).hasValue(7);
    }
  }

  @Test
  void create_nonPositiveMaxEntries_failsNamingKey() {
    var config = new MapPlinthConfig(Map.of("plinth.cache.memory.max-entries", "0"));
    var context = new ProviderContext("cache", config, Telemetry.noop());
    assertThatThrownBy(() -> new MemoryCacheProvider().create(context))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("plinth.cache.memory.max-entries");
  }
}
