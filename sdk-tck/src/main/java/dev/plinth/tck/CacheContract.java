package dev.plinth.tck;

import static dev.plinth.tck.CacheContractSupport.concurrently;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.plinth.cache.Cache;
import dev.plinth.cache.Codec;
import dev.plinth.cache.TypedCache;
import dev.plinth.error.InvalidKeyException;
import dev.plinth.error.PlinthException;
import dev.plinth.tck.CacheContractSupport.Result;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Cache} provider passes (DESIGN.md section 4, Cache). A provider test
 * extends it, starts its backend once per class and returns the cache from {@link #cache()}. Every
 * test works under a random key prefix, so tests never see each other's keys.
 *
 * <p>Expiry tests use {@link #shortTtl()} and {@link #advanceTime(Duration)}: real backends wait in
 * real time (about a second per test); an in-process cache can override both to move a fake clock.
 */
public abstract class CacheContract {
  private static final Duration LONG_TTL = Duration.ofHours(1);
  private static final Duration EXPIRY_SLACK = Duration.ofMillis(200);

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

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private void awaitGone(String key) {
    await().atMost(Duration.ofSeconds(5)).until(() -> cache().get(key).isEmpty());
  }

  private void passTtl() {
    advanceTime(shortTtl().plus(EXPIRY_SLACK));
  }

  /** get and put. */
  @Nested
  class GetPut {
    @Test
    void get_afterPut_returnsValue() {
      cache().put(key("a"), bytes("hello"), null);
      assertThat(cache().get(key("a")))
          .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("hello")));
    }

    @Test
    void put_existingKey_overwrites() {
      cache().put(key("a"), bytes("one"), null);
      cache().put(key("a"), bytes("two"), null);
      assertThat(cache().get(key("a")).map(String::new)).contains("two");
    }

    @Test
    void put_binaryValues_roundTripExactly() {
      byte[] all = new byte[256];
      for (int i = 0; i < all.length; i++) {
        all[i] = (byte) i;
      }
      cache().put(key("all"), all, null);
      cache().put(key("empty"), new byte[0], null);
      assertThat(cache().get(key("all"))).hasValueSatisfying(v -> assertThat(v).isEqualTo(all));
      assertThat(cache().get(key("empty"))).hasValueSatisfying(v -> assertThat(v).isEmpty());
    }

    @Test
    void get_missingKey_returnsEmpty() {
      assertThat(cache().get(key("missing"))).isEmpty();
    }

    @Test
    void put_zeroOrNegativeTtl_isRejectedPointingToNull() {
      assertThatThrownBy(() -> cache().put(key("a"), bytes("v"), Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("null");
      assertThatThrownBy(() -> cache().put(key("a"), bytes("v"), Duration.ofSeconds(-1)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(cache().get(key("a"))).isEmpty();
    }
  }

  /** Per-entry time to live. */
  @Nested
  class Ttl {
    @Test
    void put_withTtl_expiresAfterIt() {
      cache().put(key("short"), bytes("v"), shortTtl());
      assertThat(cache().get(key("short"))).isPresent();
      passTtl();
      awaitGone(key("short"));
    }

    @Test
    void put_withoutTtl_staysAfterOthersExpire() {
      cache().put(key("short"), bytes("v"), shortTtl());
      cache().put(key("forever"), bytes("v"), null);
      passTtl();
      awaitGone(key("short"));
      assertThat(cache().get(key("forever"))).isPresent();
    }

    @Test
    void put_differentTtls_expireIndependently() {
      cache().put(key("short"), bytes("v"), shortTtl());
      cache().put(key("long"), bytes("v"), LONG_TTL);
      passTtl();
      awaitGone(key("short"));
      assertThat(cache().get(key("long"))).isPresent();
    }
  }

  /** Atomic create-only writes. */
  @Nested
  class PutIfAbsent {
    @Test
    void putIfAbsent_twice_onlyFirstWins() {
      assertThat(cache().putIfAbsent(key("a"), bytes("first"), null)).isTrue();
      assertThat(cache().putIfAbsent(key("a"), bytes("second"), null)).isFalse();
      assertThat(cache().get(key("a")).map(String::new)).contains("first");
    }

    @Test
    void putIfAbsent_afterDelete_writesAgain() {
      cache().putIfAbsent(key("a"), bytes("first"), null);
      cache().delete(key("a"));
      assertThat(cache().putIfAbsent(key("a"), bytes("again"), null)).isTrue();
    }

    @Test
    void putIfAbsent_16Concurrent_exactlyOneWins() throws Exception {
      AtomicInteger n = new AtomicInteger();
      List<Result<Boolean>> results =
          concurrently(
              16, () -> cache().putIfAbsent(key("race"), bytes("w" + n.incrementAndGet()), null));
      assertThat(results).extracting(Result::error).containsOnlyNulls();
      assertThat(results).filteredOn(r -> r.value()).hasSize(1);
    }
  }

  /** Deletion. */
  @Nested
  class Delete {
    @Test
    void delete_existingKey_returnsTrueAndRemoves() {
      cache().put(key("a"), bytes("v"), null);
      assertThat(cache().delete(key("a"))).isTrue();
      assertThat(cache().get(key("a"))).isEmpty();
    }

    @Test
    void delete_missingKey_returnsFalse() {
      assertThat(cache().delete(key("missing"))).isFalse();
    }
  }

  /** getAll and putAll. */
  @Nested
  class Batch {
    @Test
    void getAll_afterPutAll_returnsOnlyPresentKeys() {
      cache().putAll(Map.of(key("a"), bytes("1"), key("b"), bytes("2")), null);
      Map<String, byte[]> found = cache().getAll(List.of(key("a"), key("b"), key("missing")));
      assertThat(found).containsOnlyKeys(key("a"), key("b"));
      assertThat(new String(found.get(key("b")), UTF_8)).isEqualTo("2");
    }

    @Test
    void putAll_500Keys_allReadable() {
      Map<String, byte[]> entries = new HashMap<>();
      for (int i = 0; i < 500; i++) {
        entries.put(key("k" + i), bytes("v" + i));
      }
      cache().putAll(entries, LONG_TTL);
      Map<String, byte[]> found = cache().getAll(entries.keySet());
      assertThat(found).hasSize(500);
      assertThat(new String(found.get(key("k499")), UTF_8)).isEqualTo("v499");
    }

    @Test
    void getAll_emptyCollection_returnsEmptyMap() {
      assertThat(cache().getAll(List.of())).isEmpty();
    }
  }

  /** Atomic counters. */
  @Nested
  class Increment {
    @Test
    void increment_newCounter_startsAtDelta() {
      assertThat(cache().increment(key("c"), 5, null)).isEqualTo(5);
      assertThat(cache().increment(key("c"), 2, null)).isEqualTo(7);
    }

    @Test
    void increment_negativeDelta_decrements() {
      cache().increment(key("c"), 3, null);
      assertThat(cache().increment(key("c"), -5, null)).isEqualTo(-2);
    }

    @Test
    void increment_counter_isReadableAsDecimalText() {
      cache().increment(key("c"), 42, null);
      assertThat(cache().get(key("c")).map(v -> new String(v, UTF_8))).contains("42");
    }

    @Test
    void increment_16ThreadsTimes1000_exactSum() throws Exception {
      List<Result<Long>> results =
          concurrently(
              16,
              () -> {
                long last = 0;
                for (int i = 0; i < 1000; i++) {
                  last = cache().increment(key("c"), 1, LONG_TTL);
                }
                return last;
              });
      assertThat(results).extracting(Result::error).containsOnlyNulls();
      assertThat(cache().increment(key("c"), 0, null)).isEqualTo(16_000);
    }

    @Test
    void increment_ttl_isSetOnCreationOnly() {
      cache().increment(key("c"), 1, shortTtl());
      // A later increment with a long TTL must not extend the window (fixed-window rate limits).
      assertThat(cache().increment(key("c"), 1, LONG_TTL)).isEqualTo(2);
      passTtl();
      awaitGone(key("c"));
      assertThat(cache().increment(key("c"), 1, null)).isEqualTo(1);
    }
  }

  /** Deleting by key prefix. */
  @Nested
  class DeleteByPrefix {
    @Test
    void deleteByPrefix_deletesOnlyMatchingKeys() {
      cache().put(key("user:1"), bytes("v"), null);
      cache().put(key("user:2"), bytes("v"), LONG_TTL);
      cache().put(key("order:1"), bytes("v"), null);
      assertThat(cache().deleteByPrefix(key("user:"))).isEqualTo(2);
      assertThat(cache().get(key("user:1"))).isEmpty();
      assertThat(cache().get(key("order:1"))).isPresent();
    }

    @Test
    void deleteByPrefix_moreThan1000Keys_deletesAll() {
      Map<String, byte[]> entries = new HashMap<>();
      for (int i = 0; i < 1200; i++) {
        entries.put(key("bulk:" + i), bytes("v"));
      }
      cache().putAll(entries, LONG_TTL);
      cache().put(key("keep"), bytes("v"), LONG_TTL);
      assertThat(cache().deleteByPrefix(key("bulk:"))).isEqualTo(1200);
      assertThat(cache().getAll(entries.keySet())).isEmpty();
      assertThat(cache().get(key("keep"))).isPresent();
    }

    @Test
    void deleteByPrefix_noMatch_returnsZero() {
      assertThat(cache().deleteByPrefix(key("nothing:"))).isZero();
    }

    @Test
    void deleteByPrefix_emptyPrefix_isRejected() {
      assertThatThrownBy(() -> cache().deleteByPrefix("")).isInstanceOf(InvalidKeyException.class);
    }
  }

  /** Single-flight loading. */
  @Nested
  class GetOrLoad {
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

  /** Typed views through a codec. */
  @Nested
  class Typed {
    @Test
    void typed_stringCodec_roundTrips() {
      TypedCache<String> strings = cache().typed(Codec.utf8());
      strings.put(key("s"), "grüße ✓", null);
      assertThat(strings.get(key("s"))).contains("grüße ✓");
      assertThat(cache().get(key("s")))
          .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("grüße ✓")));
    }

    @Test
    void typed_getAllAndGetOrLoad_decode() {
      TypedCache<String> strings = cache().typed(Codec.utf8());
      strings.putAll(Map.of(key("a"), "1", key("b"), "2"), null);
      assertThat(strings.getAll(List.of(key("a"), key("b"), key("c"))))
          .containsExactlyInAnyOrderEntriesOf(Map.of(key("a"), "1", key("b"), "2"));
      assertThat(strings.getOrLoad(key("c"), null, k -> "loaded")).contains("loaded");
      assertThat(strings.get(key("c"))).contains("loaded");
    }
  }

  /** Portable key rules. */
  @Nested
  class Keys {
    @Test
    void put_invalidKeys_areRejected() {
      List<String> invalid =
          new ArrayList<>(
              List.of("", key("with space"), key("tab\t"), key("nl\n"), key("nul\u0000")));
      invalid.add(key("é".repeat(257)));
      for (String bad : invalid) {
        assertThatThrownBy(() -> cache().put(bad, bytes("v"), null))
            .as("key %s", bad.replaceAll("\\p{Cntrl}", "?"))
            .isInstanceOf(InvalidKeyException.class);
      }
    }

    @Test
    void put_512ByteKey_isAccepted() {
      String longest = key("x".repeat(512 - key("").getBytes(UTF_8).length));
      cache().put(longest, bytes("v"), null);
      assertThat(cache().get(longest)).isPresent();
      assertThatThrownBy(() -> cache().get(longest + "x")).isInstanceOf(InvalidKeyException.class);
    }

    @Test
    void put_unicodeKey_isAccepted() {
      cache().put(key("ключ/ü/✓"), bytes("v"), null);
      assertThat(cache().get(key("ключ/ü/✓"))).isPresent();
    }
  }
}
