package dev.plinth.local.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.plinth.Health;
import dev.plinth.cache.CacheCapabilities;
import dev.plinth.error.PlinthException;
import dev.plinth.redis.RedisCacheDriver;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

class RedisCacheDriverTest {
  private static RedisTestBackend backend;
  private static RedisCacheDriver driver;
  private String prefix;

  @BeforeAll
  static void startRedis() {
    backend = RedisTestBackend.start();
    driver = RedisCacheDriver.connect(backend.settings());
  }

  @AfterAll
  static void stopRedis() {
    driver.close();
    backend.close();
  }

  @BeforeEach
  void randomPrefix() {
    prefix = "test:" + UUID.randomUUID() + ":";
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private JedisPooled jedis() {
    return (JedisPooled) driver.nativeClient();
  }

  @Test
  void get_afterPut_returnsValue() {
    driver.put(prefix + "a", bytes("one"), null);

    assertThat(driver.get(prefix + "a")).isEqualTo(bytes("one"));
    assertThat(driver.get(prefix + "missing")).isNull();
    assertThat(jedis().pttl(prefix + "a")).isEqualTo(-1L);
  }

  @Test
  void put_withTtl_expires() {
    // Long enough that a busy machine still reads the TTL before the key is gone.
    driver.put(prefix + "short", bytes("x"), Duration.ofMillis(1500));

    assertThat(jedis().pttl(prefix + "short")).isBetween(1L, 1500L);
    await().atMost(Duration.ofSeconds(10)).until(() -> driver.get(prefix + "short") == null);
  }

  @Test
  void put_withoutTtl_clearsPreviousTtl() {
    driver.put(prefix + "k", bytes("1"), Duration.ofMinutes(5));
    driver.put(prefix + "k", bytes("2"), null);

    assertThat(jedis().pttl(prefix + "k")).isEqualTo(-1L);
  }

  @Test
  void putIfAbsent_secondWrite_isRejected() {
    assertThat(driver.putIfAbsent(prefix + "k", bytes("first"), Duration.ofMinutes(1))).isTrue();
    assertThat(driver.putIfAbsent(prefix + "k", bytes("second"), null)).isFalse();

    assertThat(driver.get(prefix + "k")).isEqualTo(bytes("first"));
    assertThat(jedis().pttl(prefix + "k")).isPositive();
  }

  @Test
  void delete_existingAndMissing_reportsWhetherItExisted() {
    driver.put(prefix + "k", bytes("v"), null);

    assertThat(driver.delete(prefix + "k")).isTrue();
    assertThat(driver.delete(prefix + "k")).isFalse();
    assertThat(driver.get(prefix + "k")).isNull();
  }

  @Test
  void getAll_mixOfHitsAndMisses_returnsOnlyHits() {
    Map<String, byte[]> entries = new HashMap<>();
    for (int i = 0; i < 50; i++) {
      entries.put(prefix + i, bytes("v" + i));
    }
    driver.putAll(entries, Duration.ofMinutes(1));

    Map<String, byte[]> hits =
        driver.getAll(List.of(prefix + 1, prefix + "nope", prefix + 49, prefix + 1));

    assertThat(hits).containsOnlyKeys(prefix + 1, prefix + 49);
    assertThat(hits.get(prefix + 49)).isEqualTo(bytes("v49"));
    assertThat(jedis().pttl(prefix + 7)).isPositive();
    assertThat(driver.getAll(List.of())).isEmpty();
  }

  @Test
  void putAll_binaryValues_roundTrip() {
    byte[] binary = {0, (byte) 0xff, 13, 10, 0, 127};
    driver.putAll(Map.of(prefix + "bin", binary, prefix + "empty", new byte[0]), null);

    assertThat(driver.get(prefix + "bin")).isEqualTo(binary);
    assertThat(driver.get(prefix + "empty")).isEmpty();
  }

  @Test
  void increment_setsTtlOnlyWhenCreated() {
    String key = prefix + "counter";

    assertThat(driver.increment(key, 5, Duration.ofMinutes(10))).isEqualTo(5);
    assertThat(driver.increment(key, -2, Duration.ofMillis(1))).isEqualTo(3);

    assertThat(jedis().pttl(key)).isGreaterThan(Duration.ofMinutes(9).toMillis());
    assertThat(driver.increment(prefix + "forever", 1, null)).isEqualTo(1);
    assertThat(jedis().pttl(prefix + "forever")).isEqualTo(-1L);
  }

  @Test
  void increment_concurrentCallers_neverLoseUpdates() throws Exception {
    String key = prefix + "hits";
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Long>> results =
          pool.invokeAll(
              Collections.nCopies(200, () -> driver.increment(key, 1, Duration.ofMinutes(1))));
      for (Future<Long> result : results) {
        result.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(driver.get(key)).isEqualTo(bytes("200"));
  }

  @Test
  void increment_nonNumericValue_throwsPlinthException() {
    driver.put(prefix + "text", bytes("abc"), null);

    assertThatThrownBy(() -> driver.increment(prefix + "text", 1, null))
        .isInstanceOf(PlinthException.class)
        .hasMessageContaining("increment")
        .hasMessageContaining("not an integer");
  }

  @Test
  void deleteByPrefix_fiveThousandKeysWithGlobCharacters_deletesOnlyLiteralMatches() {
    String globPrefix = prefix + "a*b?[c]\\d:";
    Map<String, byte[]> entries = new HashMap<>();
    for (int i = 0; i < 5_000; i++) {
      entries.put(globPrefix + i, bytes("v"));
    }
    driver.putAll(entries, Duration.ofMinutes(5));
    // These would match if the glob characters were not escaped.
    driver.put(prefix + "aXXbY[c]\\d:1", bytes("keep"), null);
    driver.put(prefix + "a*b?c\\d:1", bytes("keep"), null);
    driver.put(prefix + "axbyc:1", bytes("keep"), null);

    assertThat(driver.deleteByPrefix(globPrefix)).isEqualTo(5_000);

    assertThat(driver.get(globPrefix + 0)).isNull();
    assertThat(driver.get(globPrefix + 4_999)).isNull();
    assertThat(driver.get(prefix + "aXXbY[c]\\d:1")).isNotNull();
    assertThat(driver.get(prefix + "a*b?c\\d:1")).isNotNull();
    assertThat(driver.get(prefix + "axbyc:1")).isNotNull();
    assertThat(driver.deleteByPrefix(globPrefix)).isZero();
  }

  @Test
  void tryLease_heldLease_isExclusiveUntilReleased() {
    String lease = prefix + "lease";

    String token = driver.tryLease(lease, Duration.ofMinutes(1));
    assertThat(token).isNotBlank();
    assertThat(driver.tryLease(lease, Duration.ofMinutes(1))).isNull();

    driver.releaseLease(lease, token);
    String next = driver.tryLease(lease, Duration.ofMinutes(1));
    assertThat(next).isNotNull().isNotEqualTo(token);
  }

  @Test
  void releaseLease_wrongToken_keepsTheOwnersLease() {
    String lease = prefix + "lease";
    String token = driver.tryLease(lease, Duration.ofMinutes(1));

    driver.releaseLease(lease, "not-the-token");

    assertThat(driver.tryLease(lease, Duration.ofMinutes(1))).isNull();
    assertThat(jedis().get(lease)).isEqualTo(token);
  }

  @Test
  void tryLease_expiredLease_canBeTakenAgain() {
    String lease = prefix + "lease";
    String stale = driver.tryLease(lease, Duration.ofMillis(100));

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> driver.tryLease(lease, Duration.ofMinutes(1)) != null);
    driver.releaseLease(lease, stale); // the old owner must not free the new owner's lease

    assertThat(driver.tryLease(lease, Duration.ofMinutes(1))).isNull();
  }

  @Test
  void tryLease_concurrentContenders_exactlyOneWins() throws Exception {
    String lease = prefix + "race";
    int contenders = 16;
    ExecutorService pool = Executors.newFixedThreadPool(contenders);
    CountDownLatch start = new CountDownLatch(1);
    Map<String, Boolean> winners = new ConcurrentHashMap<>();
    try {
      for (int i = 0; i < contenders; i++) {
        pool.submit(
            () -> {
              start.await();
              String token = driver.tryLease(lease, Duration.ofMinutes(1));
              if (token != null) {
                winners.put(token, true);
              }
              return null;
            });
      }
      start.countDown();
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      pool.shutdownNow();
    }
    assertThat(winners).hasSize(1);
  }

  @Test
  void capabilities_declareSharedDistributedSingleFlightAndMaxValue() {
    assertThat(driver.capabilities().supports(CacheCapabilities.SHARED)).isTrue();
    assertThat(driver.capabilities().supports(CacheCapabilities.DISTRIBUTED_SINGLE_FLIGHT))
        .isTrue();
    assertThat(driver.capabilities().limit(CacheCapabilities.MAX_VALUE_BYTES))
        .hasValue(512L * 1024 * 1024);
  }

  @Test
  void health_reachableServer_isUpWithLatency() {
    Health health = driver.health();

    assertThat(health.state()).isEqualTo(Health.State.UP);
    assertThat(health.data()).containsKeys("latencyMs", "address");
  }

  @Test
  void close_calledTwice_isIdempotent() {
    RedisCacheDriver extra = RedisCacheDriver.connect(backend.settings());
    extra.put(prefix + "k", bytes("v"), null);

    extra.close();
    extra.close();

    assertThat(driver.get(prefix + "k")).isEqualTo(bytes("v"));
    assertThatThrownBy(() -> extra.get(prefix + "k"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }
}
