package dev.plinth.tck;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import dev.plinth.cache.Cache;
import java.time.Duration;

/**
 * Base of the cache contract's scenario groups. Each group is a {@code @Nested} class of {@link
 * CacheContract} and reaches the provider's hooks through {@link #contract()}.
 */
abstract class CacheScenarios {
  /** A TTL long enough never to expire during a test. */
  static final Duration LONG_TTL = Duration.ofHours(1);

  /** Added to the short TTL so that a backend's expiry has certainly passed. */
  private static final Duration EXPIRY_SLACK = Duration.ofMillis(200);

  /**
   * Returns the enclosing contract, i.e. the provider's test instance.
   *
   * @return the contract
   */
  abstract CacheContract contract();

  Cache cache() {
    return contract().cache();
  }

  String key(String name) {
    return contract().key(name);
  }

  Duration shortTtl() {
    return contract().shortTtl();
  }

  /** Lets the short TTL (plus slack) pass on the provider's clock. */
  void passTtl() {
    contract().advanceTime(shortTtl().plus(EXPIRY_SLACK));
  }

  /**
   * Waits until a key reads as a miss; backends may expire a little late.
   *
   * @param key the key
   */
  void awaitGone(String key) {
    await().atMost(Duration.ofSeconds(5)).until(() -> cache().get(key).isEmpty());
  }

  static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }
}
