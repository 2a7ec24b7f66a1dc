package dev.plinth.tck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cache contract scenarios: per-entry time to live. */
abstract class CacheTtlScenarios extends CacheScenarios {
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
