package dev.plinth.server.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.config.PlinthConfig;
import dev.plinth.config.Profile;
import dev.plinth.server.problem.RequestValidationException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExecutionInputTest {

  @Test
  void params_emptyBody_isEmptyObject() {
    assertThat(ExecutionInput.params(null)).isEqualTo("{}");
    assertThat(ExecutionInput.params(" ")).isEqualTo("{}");
    assertThat(ExecutionInput.params("{}")).isEqualTo("{}");
  }

  @Test
  void params_object_isKept() {
    assertThat(ExecutionInput.params("{\"params\":{\"a\":1}}")).isEqualTo("{\"a\":1}");
  }

  @Test
  void params_badShapes_nameTheField() {
    assertThatThrownBy(() -> ExecutionInput.params("{\"other\":1}"))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("Unknown field");
    assertThatThrownBy(() -> ExecutionInput.params("{\"params\":[1]}"))
        .isInstanceOf(RequestValidationException.class);
    assertThatThrownBy(() -> ExecutionInput.params("{not json"))
        .isInstanceOf(RequestValidationException.class);
  }

  @Test
  void idempotencyKey_validatesCharactersAndLength() {
    assertThat(ExecutionInput.idempotencyKey(null)).isNull();
    assertThat(ExecutionInput.idempotencyKey("abc-123")).isEqualTo("abc-123");
    assertThatThrownBy(() -> ExecutionInput.idempotencyKey("has space"))
        .isInstanceOf(RequestValidationException.class);
    assertThatThrownBy(() -> ExecutionInput.idempotencyKey("k".repeat(256)))
        .isInstanceOf(RequestValidationException.class);
  }

  @Test
  void settings_defaultsAndOverrides() {
    ExecutionSettings defaults = ExecutionSettings.from(config(Map.of()));
    assertThat(defaults.concurrency()).isEqualTo(8);
    assertThat(defaults.maxAttempts()).isEqualTo(3);
    assertThat(defaults.subscribeOptions().backoff().initial()).isEqualTo(Duration.ofSeconds(1));
    assertThat(defaults.httpAllowedHosts()).containsExactlyInAnyOrder("localhost", "127.0.0.1");

    ExecutionSettings custom =
        ExecutionSettings.from(
            config(
                Map.of(
                    "plinth.server.worker.concurrency", "2",
                    "plinth.server.worker.backoff-initial", "100ms",
                    "plinth.server.steps.http-allowed-hosts", "Example.org, api.local")));
    assertThat(custom.subscribeOptions().concurrency()).isEqualTo(2);
    assertThat(custom.subscribeOptions().backoff().initial()).isEqualTo(Duration.ofMillis(100));
    assertThat(custom.httpAllowedHosts()).containsExactlyInAnyOrder("example.org", "api.local");
  }

  private static PlinthConfig config(Map<String, String> values) {
    return new PlinthConfig() {
      @Override
      public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
      }

      @Override
      public Set<String> keys() {
        return values.keySet();
      }

      @Override
      public Profile profile() {
        return Profile.MEMORY;
      }
    };
  }
}
