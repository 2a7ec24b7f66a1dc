package dev.plinth.server.arquillian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.core.PlatformDescription;
import dev.plinth.core.PortName;
import dev.plinth.storage.Blob;
import dev.plinth.storage.PutOptions;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

/**
 * CDI wiring inside the server: the ports are injectable by their port types and are the providers
 * of the embedded defaults (profile {@code local}, memory cache); the health checks are beans and
 * report UP.
 */
interface CdiWiringScenarios {

  /**
   * @return the injected fixture
   */
  Fixture fixture();

  @Test
  default void inject_portsResolveToTheConfiguredProviders() {
    Fixture f = fixture();
    PlatformDescription described = f.platform.describe();

    assertThat(described.port(PortName.STORAGE).provider()).isEqualTo("filesystem");
    assertThat(described.port(PortName.CACHE).provider()).isEqualTo("memory");
    assertThat(described.port(PortName.QUEUE).provider()).isEqualTo("artemis");
    assertThat(described.port(PortName.AUTH).provider()).isEqualTo("dev");
    assertThat(f.storage.provider()).isEqualTo("filesystem");
    assertThat(f.cache.provider()).isEqualTo("memory");
    assertThat(f.queue.provider()).isEqualTo("artemis");
    assertThat(f.auth.provider()).isEqualTo("dev");
    assertThat(f.telemetry.provider())
        .isEqualTo(described.port(PortName.TELEMETRY).provider())
        .isEqualTo("console");
  }

  @Test
  default void inject_platformIsTheOneBehindTheInjectedPorts() {
    Fixture f = fixture();
    String key = "arquillian/" + UUID.randomUUID() + "/seen-by-both";

    f.storage.put(key, new byte[] {1, 2, 3}, PutOptions.none());

    assertThat(f.platform.storage().exists(key)).isTrue();
    assertThat(f.platform.storage().delete(key)).isTrue();
    assertThat(f.storage.exists(key)).isFalse();
  }

  @Test
  default void blobStore_putThenGet_roundTripsThroughTheInjectedStore() {
    Fixture f = fixture();
    String key = "arquillian/" + UUID.randomUUID() + "/hello.txt";
    byte[] content = "hello from inside the server".getBytes(StandardCharsets.UTF_8);

    f.storage.put(key, content, PutOptions.none().contentType("text/plain"));

    try (Blob blob = f.storage.get(key)) {
      assertThat(blob.readAllBytes()).isEqualTo(content);
      assertThat(blob.info().contentType()).isEqualTo("text/plain");
    }
    assertThat(f.storage.delete(key)).isTrue();
  }

  @Test
  default void readinessChecks_areBeansOnePerPortAllUp() {
    Map<String, Status> byName = new HashMap<>();
    for (HealthCheck check : fixture().readiness) {
      HealthCheckResponse response = check.call();
      byName.put(response.getName(), response.getStatus());
    }

    assertThat(byName)
        .containsEntry("plinth-storage", Status.UP)
        .containsEntry("plinth-cache", Status.UP)
        .containsEntry("plinth-queue", Status.UP)
        .containsEntry("plinth-auth", Status.UP)
        .containsEntry("plinth-telemetry", Status.UP);
  }

  @Test
  default void livenessCheck_reportsThePlatformStarted() {
    Map<String, Status> byName = new HashMap<>();
    for (HealthCheck check : fixture().liveness) {
      HealthCheckResponse response = check.call();
      byName.put(response.getName(), response.getStatus());
    }

    assertThat(byName).containsEntry("plinth-platform", Status.UP);
  }

  /**
   * MicroProfile Fault Tolerance is active on the cache circuit: after failing calls (a cache
   * outage) the breaker opens and the next call fails fast without reaching the cache.
   */
  @Test
  default void cacheCircuit_failingCacheOpensTheBreakerAndLaterCallsSkipTheCache() {
    AtomicInteger reachedCache = new AtomicInteger();
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(
              () ->
                  fixture()
                      .cacheCircuit
                      .call(
                          () -> {
                            reachedCache.incrementAndGet();
                            throw new IllegalStateException("cache down");
                          }))
          .isInstanceOf(IllegalStateException.class);
    }

    assertThatThrownBy(
            () ->
                fixture()
                    .cacheCircuit
                    .call(
                        () -> {
                          reachedCache.incrementAndGet();
                          return "cached";
                        }))
        .isInstanceOf(CircuitBreakerOpenException.class);
    assertThat(reachedCache).hasValue(4);
  }
}
