package dev.plinth.tck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cache contract scenarios: deletion. */
abstract class CacheDeleteScenarios extends CacheScenarios {
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
