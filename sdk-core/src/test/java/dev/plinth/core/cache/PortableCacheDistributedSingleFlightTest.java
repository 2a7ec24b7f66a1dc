package dev.plinth.core.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.core.memory.MemoryCacheDriver;
import dev.plinth.core.memory.RecordingTelemetry;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.telemetry.PlinthMetrics;
import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Telemetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two portable caches over one driver stand for two processes sharing one Redis. */
class PortableCacheDistributedSingleFlightTest {
  private static final String LEASE = "plinth:k:lease";

  private final MemoryCacheDriver driver = new MemoryCacheDriver();
  private final ExecutorService pool = Executors.newFixedThreadPool(20);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private PortableCache process(boolean distributed, String leaseWait, Telemetry telemetry) {
    var config =
        new MapPlinthConfig(
            Map.of(
                PortableCache.DISTRIBUTED_KEY,
                Boolean.toString(distributed),
                PortableCache.LEASE_WAIT_KEY,
                leaseWait));
    return new PortableCache("memory", driver, telemetry, config);
  }

  @Test
  void getOrLoad_concurrentMissesInTwoProcesses_loadOnce() throws Exception {
    PortableCache first = process(true, "5s", Telemetry.noop());
    PortableCache second = process(true, "5s", Telemetry.noop());
    AtomicInteger loads = new AtomicInteger();
    CountDownLatch arrived = new CountDownLatch(20);
    List<CompletableFuture<String>> results = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      PortableCache process = i % 2 == 0 ? first : second;
      results.add(
          CompletableFuture.supplyAsync(
              () -> {
                arrived.countDown();
                return process
                    .getOrLoad(
                        "k",
                        null,
                        key -> {
                          loads.incrementAndGet();
                          arrived.await(5, TimeUnit.SECONDS);
                          return "v".getBytes(UTF_8);
                        })
                    .map(String::new)
                    .orElseThrow();
              },
              pool));
    }
    for (CompletableFuture<String> result : results) {
      assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo("v");
    }
    assertThat(loads).hasValue(1);
    assertThat(driver.get(LEASE)).as("lease released").isNull();
  }

  @Test
  void getOrLoad_distributed_holdsLeaseWhileLoading() {
    PortableCache cache = process(true, "5s", Telemetry.noop());
    AtomicReference<byte[]> leaseDuringLoad = new AtomicReference<>();
    cache.getOrLoad(
        "k",
        null,
        key -> {
          leaseDuringLoad.set(driver.get(LEASE));
          return new byte[] {1};
        });
    assertThat(leaseDuringLoad.get()).isNotNull();
    assertThat(driver.get(LEASE)).isNull();
  }

  @Test
  void getOrLoad_notEnabled_takesNoLease() {
    PortableCache cache = process(false, "5s", Telemetry.noop());
    AtomicReference<byte[]> leaseDuringLoad = new AtomicReference<>(new byte[0]);
    cache.getOrLoad(
        "k",
        null,
        key -> {
          leaseDuringLoad.set(driver.get(LEASE));
          return new byte[] {1};
        });
    assertThat(leaseDuringLoad.get()).isNull();
  }

  @Test
  void getOrLoad_leaseHeldByDeadProcess_loadsItselfAfterLeaseWait() {
    RecordingTelemetry telemetry = new RecordingTelemetry();
    PortableCache cache = process(true, "100ms", telemetry);
    String deadToken = driver.tryLease(LEASE, Duration.ofHours(1));
    assertThat(deadToken).isNotNull();
    assertThat(cache.getOrLoad("k", null, key -> new byte[] {7})).hasValue(new byte[] {7});
    assertThat(
            telemetry.counterValue(
                PlinthMetrics.CACHE_OPS,
                Tags.of("op", "getOrLoad", "provider", "memory", "outcome", "lease-timeout")))
        .isEqualTo(1);
  }

  @Test
  void getOrLoad_leaseReleasedWithoutValue_waiterTakesLeaseAndLoads() throws Exception {
    PortableCache cache = process(true, "30s", Telemetry.noop());
    String token = driver.tryLease(LEASE, Duration.ofHours(1));
    CompletableFuture<byte[]> waiter =
        CompletableFuture.supplyAsync(
            () -> cache.getOrLoad("k", null, key -> new byte[] {9}).orElseThrow(), pool);
    driver.releaseLease(LEASE, token); // the holder failed: no value, lease released
    assertThat(waiter.get(10, TimeUnit.SECONDS)).containsExactly(9);
  }
}
