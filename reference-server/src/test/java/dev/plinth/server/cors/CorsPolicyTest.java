package dev.plinth.server.cors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorsPolicyTest {

  @Test
  void parse_empty_disablesCors() {
    assertThat(CorsPolicy.parse(null).enabled()).isFalse();
    assertThat(CorsPolicy.parse(" ").enabled()).isFalse();
  }

  @Test
  void allows_onlyListedOriginsExactly() {
    CorsPolicy policy = CorsPolicy.parse("https://app.example.com/, http://localhost:3000");

    assertThat(policy.allows("https://app.example.com")).isTrue();
    assertThat(policy.allows("http://localhost:3000")).isTrue();
    assertThat(policy.allows("https://app.example.com.evil.test")).isFalse();
    assertThat(policy.allows("http://app.example.com")).isFalse();
    assertThat(policy.allows(null)).isFalse();
  }
}
