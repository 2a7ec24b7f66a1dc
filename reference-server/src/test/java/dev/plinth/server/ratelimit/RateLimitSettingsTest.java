package dev.plinth.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.error.ConfigurationException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitSettingsTest {

  @Test
  void from_nothingSet_uses600PerMinute() {
    RateLimitSettings settings = RateLimitSettings.from(key -> null);

    assertThat(settings.requests()).isEqualTo(600);
    assertThat(settings.window()).isEqualTo(Duration.ofMinutes(1));
    assertThat(settings.limitFor("anyone")).isEqualTo(600);
  }

  @Test
  void from_valuesAndOverrides_areParsed() {
    Map<String, String> values =
        Map.of(
            RateLimitSettings.REQUESTS_KEY, "100",
            RateLimitSettings.WINDOW_KEY, "30s",
            RateLimitSettings.OVERRIDES_KEY, "batch:5000, it-throttled:5");

    RateLimitSettings settings = RateLimitSettings.from(values::get);

    assertThat(settings.window()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.limitFor("batch")).isEqualTo(5000);
    assertThat(settings.limitFor("it-throttled")).isEqualTo(5);
    assertThat(settings.limitFor(null)).isEqualTo(100);
  }

  @Test
  void from_badValues_nameTheKey() {
    assertThatThrownBy(
            () -> RateLimitSettings.from(Map.of(RateLimitSettings.REQUESTS_KEY, "lots")::get))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(RateLimitSettings.REQUESTS_KEY);
    assertThatThrownBy(
            () -> RateLimitSettings.from(Map.of(RateLimitSettings.OVERRIDES_KEY, "batch")::get))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(RateLimitSettings.OVERRIDES_KEY);
    assertThatThrownBy(
            () -> RateLimitSettings.from(Map.of(RateLimitSettings.REQUESTS_KEY, "0")::get))
        .isInstanceOf(ConfigurationException.class);
  }
}
