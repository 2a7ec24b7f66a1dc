package dev.plinth.jakarta.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.Health;
import dev.plinth.core.PortName;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortReadinessTest {

  @Test
  void of_upPort_isReadyAndNotDegraded() {
    PortReadiness readiness =
        PortReadiness.of(PortName.STORAGE, "filesystem", Health.up("writable"));

    assertThat(readiness.ready()).isTrue();
    assertThat(readiness.degraded()).isFalse();
    assertThat(readiness.data())
        .containsEntry("provider", "filesystem")
        .containsEntry("state", "UP")
        .containsEntry("detail", "writable");
  }

  @Test
  void of_downCache_isReadyButDegraded() {
    PortReadiness readiness =
        PortReadiness.of(PortName.CACHE, "redis", Health.down("connection refused"));

    assertThat(readiness.ready()).isTrue();
    assertThat(readiness.degraded()).isTrue();
    assertThat(readiness.data()).containsEntry("degraded", "true").containsEntry("state", "DOWN");
  }

  @Test
  void of_downQueue_isNotReady() {
    PortReadiness readiness = PortReadiness.of(PortName.QUEUE, "artemis", Health.down("broker"));

    assertThat(readiness.ready()).isFalse();
  }

  @Test
  void of_degradedPort_isReadyAndDegraded() {
    PortReadiness readiness =
        PortReadiness.of(PortName.AUTH, "entra-id", Health.degraded("stale keys"));

    assertThat(readiness.ready()).isTrue();
    assertThat(readiness.degraded()).isTrue();
  }

  @Test
  void of_portData_isPublishedAsText() {
    Health health = Health.up("ok").withData(Map.of("freeBytes", 42L));

    assertThat(PortReadiness.of(PortName.STORAGE, "filesystem", health).data())
        .containsEntry("freeBytes", "42");
  }
}
