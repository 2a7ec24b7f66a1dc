package dev.plinth.server.execution.steps;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DelayStepTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00.123456Z");
  private static final StepContext CONTEXT =
      new StepContext("e1", JsonObject.EMPTY_JSON_OBJECT, JsonObject.EMPTY_JSON_OBJECT);
  private final DelayStep delay =
      new DelayStep(Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC));

  private static JsonObject step(long millis) {
    return Json.createReader(
            new StringReader("{\"name\":\"d\",\"type\":\"delay\",\"durationMs\":" + millis + "}"))
        .readObject();
  }

  @Test
  void run_returnsTheEndInMillisecondsWithoutWaiting() {
    JsonObject result = delay.run(step(3_000), CONTEXT).asJsonObject();

    assertThat(result.getInt("delayedMs")).isEqualTo(3_000);
    assertThat(result.getString("until")).isEqualTo("2026-01-01T00:00:03.123Z");
    assertThat(delay.pauseUntil(result)).contains(Instant.parse("2026-01-01T00:00:03.123Z"));
  }

  @Test
  void run_longerThanTheMaximum_isCapped() {
    JsonObject result = delay.run(step(86_400_000), CONTEXT).asJsonObject();

    assertThat(result.getJsonNumber("delayedMs").longValue()).isEqualTo(3_600_000);
    assertThat(delay.pauseUntil(result)).contains(Instant.parse("2026-01-01T01:00:00.123Z"));
  }

  @Test
  void pauseUntil_zeroDelay_goesOnAtOnce() {
    assertThat(delay.pauseUntil(delay.run(step(0), CONTEXT))).isEmpty();
  }
}
