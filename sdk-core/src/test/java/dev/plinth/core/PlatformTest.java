package dev.plinth.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.Health;
import dev.plinth.auth.TokenIssuer;
import dev.plinth.auth.TokenRequest;
import dev.plinth.config.Profile;
import dev.plinth.core.memory.RecordingTelemetry;
import dev.plinth.core.testing.RecordingDrivers;
import dev.plinth.error.ConfigurationException;
import dev.plinth.telemetry.PlinthMetrics;
import dev.plinth.telemetry.Tags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformTest {

  @BeforeEach
  void clearLog() {
    RecordingDrivers.clear();
  }

  /** Every port on the test-only {@code recording} provider, with an empty environment. */
  private static Platform.Builder recording() {
    Platform.Builder builder = Platform.builder().profile(Profile.MEMORY).environment(Map.of());
    for (PortName port : PortName.values()) {
      builder.property(port.providerKey(), "recording");
    }
    return builder;
  }

  @Test
  void build_startsTelemetryFirstWithNoopThenOtherPortsWithRealTelemetry() {
    try (Platform platform = recording().build()) {
      assertThat(RecordingDrivers.log())
          .containsExactly(
              "start:telemetry:none",
              "start:auth:recording",
              "start:cache:recording",
              "start:storage:recording",
              "start:queue:recording");
      assertThat(platform.storage().provider()).isEqualTo("recording");
    }
  }

  @Test
  void close_closesInReverseOrderAndIsIdempotent() {
    Platform platform = recording().build();
    RecordingDrivers.clear();

    platform.close();
    platform.close();

    assertThat(RecordingDrivers.log())
        .containsExactly(
            "close:queue", "close:storage", "close:cache", "close:auth", "close:telemetry");
    assertThatThrownBy(platform::storage).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void close_whenPortsFailToClose_closesAllAndRethrowsFirstFailure() {
    Platform platform =
        recording()
            .property("plinth.storage.recording.fail-on-close", "true")
            .property("plinth.cache.recording.fail-on-close", "true")
            .build();
    RecordingDrivers.clear();

    assertThatThrownBy(platform::close)
        .hasMessageContaining("close failed: storage")
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
    assertThat(RecordingDrivers.log()).hasSize(5).endsWith("close:telemetry");
  }

  @Test
  void build_whenLaterPortFailsToStart_closesStartedPortsInReverseAndRethrows() {
    assertThatThrownBy(
            () -> recording().property("plinth.queue.recording.fail-on-start", "true").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("queue test driver refused");

    assertThat(RecordingDrivers.log())
        .endsWith("close:storage", "close:cache", "close:auth", "close:telemetry");
  }

  @Test
  void build_unknownProvider_namesKeyValueFoundProvidersAndArtifacts() {
    assertThatThrownBy(() -> recording().property("plinth.storage.provider", "s3").build())
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.key()).contains("plinth.storage.provider"))
        .hasMessageContaining("'s3'")
        .hasMessageContaining("PLINTH_STORAGE_PROVIDER")
        .hasMessageContaining("Providers found on the classpath: [")
        .hasMessageContaining("recording")
        .hasMessageContaining("dev.plinth:plinth-providers-local")
        .hasMessageContaining("dev.plinth:plinth-providers-azure")
        .hasMessageMatching("(?s).*Example: PLINTH_STORAGE_PROVIDER=(memory|recording).*");
  }

  @Test
  void build_knownProviderMissingFromClasspath_namesItsArtifact() {
    assertThatThrownBy(() -> recording().property("plinth.queue.provider", "artemis").build())
        .hasMessageContaining("'artemis'")
        .hasMessageContaining("plinth.queue.provider")
        .hasMessageContaining("is in dev.plinth:plinth-providers-local");
    assertThatThrownBy(() -> recording().property("plinth.auth.provider", "entra-id").build())
        .hasMessageContaining("is in dev.plinth:plinth-providers-azure");
  }

  @Test
  void build_defaultLocalProfileWithoutLocalProviders_namesLocalArtifact() {
    assertThatThrownBy(() -> Platform.builder().environment(Map.of()).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("plinth.telemetry.provider")
        .hasMessageContaining("'console'")
        .hasMessageContaining("dev.plinth:plinth-providers-local");
  }

  @Test
  void build_twoProvidersWithTheSameName_namesBothClasses() {
    assertThatThrownBy(() -> recording().property("plinth.cache.provider", "duplicate").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("DuplicateCacheProviderA")
        .hasMessageContaining("DuplicateCacheProviderB");
  }

  @Test
  void build_unknownProfile_namesKeyValueAndAllowedValues() {
    assertThatThrownBy(() -> recording().property("plinth.profile", "moon").build())
        .isInstanceOfSatisfying(
            ConfigurationException.class, e -> assertThat(e.key()).contains("plinth.profile"))
        .hasMessageContaining("'moon'")
        .hasMessageContaining("[local, azure, memory]")
        .hasMessageContaining("PLINTH_PROFILE=local");
  }

  @Test
  void build_malformedDuration_namesKeyValueAndFormat() {
    assertThatThrownBy(
            () ->
                recording()
                    .property("plinth.auth.provider", "memory")
                    .property("plinth.auth.memory.rotation-grace", "soon")
                    .build())
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.key()).contains("plinth.auth.memory.rotation-grace"))
        .hasMessageContaining("'soon'")
        .hasMessageContaining("PLINTH_AUTH_MEMORY_ROTATION_GRACE")
        .hasMessageContaining("30s");
  }

  @Test
  void accessor_ofDisabledPort_throwsNamingTheKey() {
    try (Platform platform = recording().property("plinth.storage.provider", "none").build()) {
      assertThatThrownBy(platform::storage)
          .isInstanceOfSatisfying(
              ConfigurationException.class,
              e -> assertThat(e.key()).contains("plinth.storage.provider"))
          .hasMessageContaining("PLINTH_STORAGE_PROVIDER");
      assertThat(platform.health().port(PortName.STORAGE).state()).isEqualTo(Health.State.UP);
      assertThat(platform.describe().port(PortName.STORAGE).provider()).isEqualTo("none");
      assertThat(RecordingDrivers.log()).doesNotContain("start:storage:recording");
    }
  }

  @Test
  void telemetry_none_isNoopAndStillUsable() {
    try (Platform platform = recording().property("plinth.telemetry.provider", "none").build()) {
      assertThat(platform.telemetry().provider()).isEqualTo("none");
      assertThatCode(() -> platform.telemetry().counter("x_total", Tags.empty()).increment())
          .doesNotThrowAnyException();
    }
  }

  @Test
  void health_allUp_isUp() {
    try (Platform platform = recording().build()) {
      PlatformHealth health = platform.health();

      assertThat(health.state()).isEqualTo(Health.State.UP);
      assertThat(health.ports()).containsOnlyKeys(PortName.values());
    }
  }

  @Test
  void health_queueDown_isDown() {
    try (Platform platform =
        recording().property("plinth.queue.recording.health", "DOWN").build()) {
      assertThat(platform.health().state()).isEqualTo(Health.State.DOWN);
      assertThat(platform.health().isAvailable()).isFalse();
    }
  }

  @Test
  void health_cacheDown_isOnlyDegraded() {
    try (Platform platform =
        recording().property("plinth.cache.recording.health", "DOWN").build()) {
      PlatformHealth health = platform.health();

      assertThat(health.state()).isEqualTo(Health.State.DEGRADED);
      assertThat(health.port(PortName.CACHE).state()).isEqualTo(Health.State.DOWN);
    }
  }

  @Test
  void health_storageDegraded_isDegraded() {
    try (Platform platform =
        recording().property("plinth.storage.recording.health", "DEGRADED").build()) {
      assertThat(platform.health().state()).isEqualTo(Health.State.DEGRADED);
    }
  }

  @Test
  void health_whenProbeThrows_reportsDownWithMessageAndNeverThrows() {
    try (Platform platform =
        recording().property("plinth.auth.recording.health", "THROW").build()) {
      Health auth = platform.health().port(PortName.AUTH);

      assertThat(auth.state()).isEqualTo(Health.State.DOWN);
      assertThat(auth.detail()).contains("health probe of auth exploded");
      assertThat(platform.health().state()).isEqualTo(Health.State.DOWN);
    }
  }

  @Test
  void describe_reportsProfileProvidersDescriptionsAndCapabilities() {
    try (Platform platform = recording().build()) {
      PlatformDescription description = platform.describe();

      assertThat(description.profile()).isEqualTo(Profile.MEMORY);
      assertThat(description.port(PortName.QUEUE).provider()).isEqualTo("recording");
      assertThat(description.port(PortName.QUEUE).description()).contains("queue driver");
      assertThat(description.port(PortName.QUEUE).capabilities().features())
          .containsExactly("test.queue");
      assertThat(description.toString())
          .contains("profile memory")
          .contains("storage")
          .contains("test.storage");
    }
  }

  @Test
  void config_precedence_builderOverSystemOverEnvOverFileOverProfile(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("plinth.properties");
    Files.writeString(
        file,
        "plinth.test.precedence.a=file\nplinth.test.precedence.b=file\n"
            + "plinth.test.precedence.c=file\nplinth.test.precedence.d=file\n"
            + "plinth.storage.provider=recording\n");
    String sysKey = "plinth.test.precedence.b";
    System.setProperty(sysKey, "system");
    System.setProperty("plinth.test.precedence.a", "system");
    try (Platform platform =
        Platform.builder()
            .profile(Profile.MEMORY)
            .environment(
                Map.of(
                    "PLINTH_CONFIG_FILE", file.toString(),
                    "PLINTH_TEST_PRECEDENCE_A", "env",
                    "PLINTH_TEST_PRECEDENCE_B", "env",
                    "PLINTH_TEST_PRECEDENCE_C", "env",
                    "PLINTH_CACHE_PROVIDER", "recording",
                    "PLINTH_QUEUE_PROVIDER", "recording"))
            .property("plinth.test.precedence.a", "builder")
            .property("plinth.telemetry.provider", "memory")
            .build()) {
      assertThat(platform.config().get("plinth.test.precedence.a")).contains("builder");
      assertThat(platform.config().get("plinth.test.precedence.b")).contains("system");
      assertThat(platform.config().get("plinth.test.precedence.c")).contains("env");
      assertThat(platform.config().get("plinth.test.precedence.d")).contains("file");
      assertThat(platform.config().get("plinth.auth.provider")).contains("memory");
      assertThat(platform.storage().provider()).isEqualTo("recording");
      assertThat(platform.cache().provider()).isEqualTo("recording");
    } finally {
      System.clearProperty(sysKey);
      System.clearProperty("plinth.test.precedence.a");
    }
  }

  @Test
  void auth_memoryProvider_issuesAndVerifiesTokensAndRecordsMetrics() {
    try (Platform platform =
        recording()
            .property("plinth.auth.provider", "memory")
            .property("plinth.telemetry.provider", "memory")
            .build()) {
      TokenIssuer issuer = platform.auth().unwrap(TokenIssuer.class);
      String token = issuer.issue(TokenRequest.user("alice", Set.of("admin"))).accessToken();

      assertThat(platform.auth().authenticate("Bearer " + token).subject()).isEqualTo("alice");
      RecordingTelemetry telemetry = platform.telemetry().unwrap(RecordingTelemetry.class);
      assertThat(
              telemetry.counterValue(
                  PlinthMetrics.AUTH_SUCCESSES, Tags.of("provider", "memory", "kind", "user")))
          .isEqualTo(1.0);
    }
  }
}
