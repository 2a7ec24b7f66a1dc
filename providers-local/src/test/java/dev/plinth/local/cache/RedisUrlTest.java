package dev.plinth.local.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.error.ConfigurationException;
import dev.plinth.redis.RedisUrl;
import org.junit.jupiter.api.Test;

class RedisUrlTest {
  private static final String KEY = "plinth.cache.redis.url";

  @Test
  void parse_hostOnly_usesDefaults() {
    RedisUrl url = RedisUrl.parse(KEY, "redis://cache.internal");

    assertThat(url).isEqualTo(new RedisUrl("cache.internal", 6379, false, null, null, 0));
  }

  @Test
  void parse_fullUrl_readsEveryPart() {
    RedisUrl url = RedisUrl.parse(KEY, "rediss://app:p%40ss%3Aword@redis.example.com:6380/3");

    assertThat(url).isEqualTo(new RedisUrl("redis.example.com", 6380, true, "app", "p@ss:word", 3));
  }

  @Test
  void parse_passwordOnly_hasNoUser() {
    assertThat(RedisUrl.parse(KEY, "redis://:secret@localhost:6379").password())
        .isEqualTo("secret");
    assertThat(RedisUrl.parse(KEY, "redis://:secret@localhost:6379").user()).isNull();
    assertThat(RedisUrl.parse(KEY, "redis://secret@localhost").password()).isEqualTo("secret");
  }

  @Test
  void parse_plusInPassword_isKeptLiterally() {
    assertThat(RedisUrl.parse(KEY, "redis://:a+b@localhost").password()).isEqualTo("a+b");
  }

  @Test
  void parse_ipv6Host_stripsBrackets() {
    RedisUrl url = RedisUrl.parse(KEY, "redis://[::1]:7000/1");

    assertThat(url.host()).isEqualTo("::1");
    assertThat(url.address()).isEqualTo("[::1]:7000");
    assertThat(url.database()).isEqualTo(1);
  }

  @Test
  void parse_trailingSlash_isDatabaseZero() {
    assertThat(RedisUrl.parse(KEY, "redis://localhost:6379/").database()).isZero();
  }

  @Test
  void parse_wrongScheme_namesKeyAndExample() {
    assertThatThrownBy(() -> RedisUrl.parse(KEY, "http://localhost:6379"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(KEY)
        .hasMessageContaining("redis:// or rediss://")
        .hasMessageContaining("Example");
  }

  @Test
  void parse_badDatabase_failsWithoutEchoingPassword() {
    assertThatThrownBy(() -> RedisUrl.parse(KEY, "redis://u:hunter2@localhost/abc"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("database index")
        .hasMessageContaining("redis://u:***@localhost/abc")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void parse_unparsableText_failsWithoutEchoingPassword() {
    assertThatThrownBy(() -> RedisUrl.parse(KEY, "redis://:hunter2 x@local host"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageNotContaining("hunter2")
        .satisfies(e -> assertThat(((ConfigurationException) e).key()).hasValue(KEY));
  }

  @Test
  void parse_missingHost_fails() {
    assertThatThrownBy(() -> RedisUrl.parse(KEY, "redis:///0"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("no host");
  }

  @Test
  void toString_hidesPassword() {
    RedisUrl url = RedisUrl.parse(KEY, "redis://app:hunter2@localhost:6379/2");

    assertThat(url.toString()).isEqualTo("redis://app:***@localhost:6379/2");
  }

  @Test
  void redact_singleUserInfoComponent_isHidden() {
    assertThat(RedisUrl.redact("redis://hunter2@host")).isEqualTo("redis://***@host");
    assertThat(RedisUrl.redact("redis://host:6379")).isEqualTo("redis://host:6379");
  }
}
