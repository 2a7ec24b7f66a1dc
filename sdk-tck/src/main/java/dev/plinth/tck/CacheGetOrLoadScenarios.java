package dev.plinth.tck;

import static dev.plinth.tck.CacheContractSupport.concurrently;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.error.PlinthException;
import dev.plinth.tck.CacheContractSupport.Result;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cache contract scenarios: single-flight loading. */
abstract class CacheGetOrLoadScenarios extends CacheScenarios {
  @Test
  void getOrLoad_hit_doesNotCallLoader() {
    cache().put(key("a"), bytes("cached"), null);
    Optional<byte[]> value =
        cache()
            .getOrLoad(
                key("a"),
                null,
                k -> {
                  throw new AssertionError("loader called");
                });
    assertThat(value.map(String::new)).contains("cached");
  }

  @Test
  void getOrLoad_miss_loadsAndCaches() {
    AtomicInteger loads = new AtomicInteger();
    cache().getOrLoad(key("a"), LONG_TTL, k -> bytes("v" + loads.incrementAndGet()));
    Optional<byte[]> again = cache().getOrLoad(key("a"), LONG_TTL, k -> bytes("other"));
    assertThat(again.map(String::new)).contains("v1");
    assertThat(cache().get(key("a")).map(String::new)).contains("v1");
  }

  @Test
  void getOrLoad_100ConcurrentMisses_loadOnce() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    CountDownLatch arrived = new CountDownLatch(100);
    List<Result<Optional<byte[]>>> results =
        concurrently(
            100,
            () -> {
              arrived.countDown();
              return cache()
                  .getOrLoad(
                      key("hot"),
                      LONG_TTL,
                      k -> {
                        loads.incrementAndGet();
                        arrived.await(5, TimeUnit.SECONDS); // let every caller pile up
                        return bytes("loaded");
                      });
            });
    assertThat(loads).hasValue(1);
    assertThat(results).extracting(Result::error).containsOnlyNulls();
    assertThat(results)
        .extracting(r -> r.value().map(String::new).orElse(null))
        .containsOnly("loaded");
  }

  @Test
  void getOrLoad_loaderFails_everyCallerSeesItAndNothingIsCached() throws Exception {
    CountDownLatch arrived = new CountDownLatch(16);
    List<Result<Optional<byte[]>>> results =
        concurrently(
            16,
            () -> {
              arrived.countDown();
              return cache()
                  .getOrLoad(
                      key("bad"),
                      LONG_TTL,
                      k -> {
                        arrived.await(5, TimeUnit.SECONDS);
                        throw new IllegalStateException("tck loader failure");
                      });
            });
    assertThat(results)
        .extracting(Result::error)
        .allSatisfy(
            e ->
                assertThat(e)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("tck loader failure"));
    assertThat(cache().get(key("bad"))).isEmpty();
    assertThat(cache().getOrLoad(key("bad"), LONG_TTL, k -> bytes("ok")).map(String::new))
        .contains("ok");
  }

  @Test
  void getOrLoad_checkedFailure_isWrappedWithCause() {
    IOException failure = new IOException("disk");
    assertThatThrownBy(
            () ->
                cache()
                    .getOrLoad(
                        key("io"),
                        null,
                        k -> {
                          throw failure;
                        }))
        .isInstanceOf(PlinthException.class)
        .hasCause(failure);
  }

  @Test
  void getOrLoad_loaderReturnsNull_emptyAndNotCached() {
    AtomicInteger loads = new AtomicInteger();
    assertThat(
            cache()
                .getOrLoad(
                    key("none"),
                    null,
                    k -> {
                      loads.incrementAndGet();
                      return null;
                    }))
        .isEmpty();
    assertThat(cache().get(key("none"))).isEmpty();
    cache()
        .getOrLoad(
            key("none"),
            null,
            k -> {
              loads.incrementAndGet();
              return null;
            });
    assertThat(loads).hasValue(2);
  }
}
