package dev.plinth.azure.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.Health;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportStatusTest {
  private final ExportStatus status =
      new ExportStatus(Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC));

  @Test
  void health_beforeAnyExport_isUpSayingSo() {
    Health health = status.health(Map.of("roleName", "api"));

    assertThat(health.state()).isEqualTo(Health.State.UP);
    assertThat(health.detail()).contains("no export has completed yet");
    assertThat(health.data()).containsEntry("roleName", "api").containsEntry("failedExports", 0L);
  }

  @Test
  void health_afterFailedExport_isDegradedWithTheTime() {
    status.track(CompletableResultCode.ofSuccess());
    status.track(CompletableResultCode.ofFailure());

    Health health = status.health(Map.of());

    assertThat(health.state()).isEqualTo(Health.State.DEGRADED);
    assertThat(health.detail()).contains("failed");
    assertThat(health.data())
        .containsEntry("lastFailure", "2025-01-02T03:04:05Z")
        .containsEntry("failedExports", 1L);
  }

  @Test
  void health_successAfterFailure_isUpAgainAndKeepsTheCount() {
    status.track(CompletableResultCode.ofFailure());
    status.track(CompletableResultCode.ofSuccess());

    Health health = status.health(Map.of());

    assertThat(health.state()).isEqualTo(Health.State.UP);
    assertThat(health.data())
        .containsEntry("lastSuccess", "2025-01-02T03:04:05Z")
        .containsEntry("failedExports", 1L);
  }

  @Test
  void track_pendingExport_countsOnlyOnceCompleted() {
    CompletableResultCode pending = new CompletableResultCode();
    status.track(pending);
    assertThat(status.health(Map.of()).data()).doesNotContainKey("lastFailure");

    pending.fail();

    assertThat(status.health(Map.of()).state()).isEqualTo(Health.State.DEGRADED);
  }
}
