package dev.plinth.jakarta.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.Health;
import dev.plinth.core.PlatformHealth;
import dev.plinth.core.PortName;
import dev.plinth.jakarta.MapConfig;
import dev.plinth.jakarta.PlatformProducer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PortHealthChecksTest {
  private final StubbedHealth producer = new StubbedHealth(Map.of("plinth.profile", "memory"));

  @BeforeAll
  static void responses() {
    TestHealthResponses.install();
  }

  @AfterEach
  void close() {
    producer.close();
  }

  @Test
  void readiness_upPort_isUpWithProviderAndState() {
    HealthCheckResponse response = new StorageReadinessCheck(producer).call();

    assertThat(response.getName()).isEqualTo("plinth-storage");
    assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    assertThat(response.getData().orElseThrow())
        .containsEntry("provider", "memory")
        .containsEntry("state", "UP")
        .containsEntry("degraded", "false");
  }

  @Test
  void readiness_degradedPort_isUpAndFlaggedDegraded() {
    producer.set(PortName.AUTH, Health.degraded("stale signing keys"));

    HealthCheckResponse response = new AuthReadinessCheck(producer).call();

    assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    assertThat(response.getData().orElseThrow())
        .containsEntry("state", "DEGRADED")
        .containsEntry("degraded", "true")
        .containsEntry("detail", "stale signing keys");
  }

  @Test
  void readiness_downQueue_isDown() {
    producer.set(PortName.QUEUE, Health.down("broker unreachable"));

    HealthCheckResponse response = new QueueReadinessCheck(producer).call();

    assertThat(response.getName()).isEqualTo("plinth-queue");
    assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(response.getData().orElseThrow()).containsEntry("state", "DOWN");
  }

  @Test
  void readiness_downCache_isUpButDegraded() {
    producer.set(PortName.CACHE, Health.down("connection refused"));

    HealthCheckResponse response = new CacheReadinessCheck(producer).call();

    assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    assertThat(response.getData().orElseThrow()).containsEntry("degraded", "true");
  }

  @Test
  void readiness_everyPortHasItsOwnCheck() {
    List<HealthCheckResponse> responses =
        List.of(
            new StorageReadinessCheck(producer).call(),
            new CacheReadinessCheck(producer).call(),
            new QueueReadinessCheck(producer).call(),
            new AuthReadinessCheck(producer).call(),
            new TelemetryReadinessCheck(producer).call());

    assertThat(responses)
        .extracting(HealthCheckResponse::getName)
        .containsExactly(
            "plinth-storage", "plinth-cache", "plinth-queue", "plinth-auth", "plinth-telemetry");
    assertThat(responses)
        .allSatisfy(r -> assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.UP));
  }

  @Test
  void readiness_platformThatCannotStart_isDownNamingTheFailure() {
    PlatformProducer broken =
        new PlatformProducer(
            new MapConfig(Map.of("plinth.profile", "memory", "plinth.storage.provider", "floppy")),
            List.of());

    HealthCheckResponse response = new StorageReadinessCheck(broken).call();

    assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(response.getData().orElseThrow().get("detail").toString())
        .startsWith("The platform did not start");
  }

  @Test
  void liveness_isUpOnceThePlatformStartedAndDownWhenItCannot() {
    PlatformProducer broken =
        new PlatformProducer(
            new MapConfig(Map.of("plinth.profile", "memory", "plinth.cache.provider", "floppy")),
            List.of());

    assertThat(new PlatformLivenessCheck(producer).call().getStatus())
        .isEqualTo(HealthCheckResponse.Status.UP);
    assertThat(new PlatformLivenessCheck(broken).call().getStatus())
        .isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(new PlatformLivenessCheck(producer).call().getName()).isEqualTo("plinth-platform");
  }

  /** A producer over a memory platform whose reported health the test sets per port. */
  private static final class StubbedHealth extends PlatformProducer {
    private final Map<PortName, Health> health = new EnumMap<>(PortName.class);

    StubbedHealth(Map<String, String> config) {
      super(new MapConfig(config), List.of());
      for (PortName port : PortName.values()) {
        health.put(port, Health.up(port.id() + " ok"));
      }
    }

    void set(PortName port, Health value) {
      health.put(port, value);
    }

    @Override
    public PlatformHealth health() {
      return PlatformHealth.of(health);
    }
  }
}
