package dev.plinth.local.queue;

import static dev.plinth.local.queue.TestContexts.queueContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.error.ConfigurationException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArtemisSettingsTest {

  @Test
  void from_nothingSet_isEmbeddedUnderDataArtemis() {
    ArtemisSettings s = ArtemisSettings.from(queueContext(Map.of()));

    assertThat(s.embedded()).isTrue();
    assertThat(s.dataDir()).isEqualTo(Path.of("./data/artemis").toAbsolutePath().normalize());
    assertThat(s.embeddedPort()).isZero();
    assertThat(s.closeTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void from_embeddedWithPort_keepsPortAndDirectory() {
    ArtemisSettings s =
        ArtemisSettings.from(
            queueContext(
                Map.of(
                    "plinth.queue.artemis.data-dir", "/tmp/x",
                    "plinth.queue.artemis.embedded-port", "61617")));

    assertThat(s.dataDir()).isEqualTo(Path.of("/tmp/x"));
    assertThat(s.embeddedPort()).isEqualTo(61617);
  }

  @Test
  void from_remote_connectionTtlDefaultsTo15sAndIsConfigurable() {
    Map<String, String> remote =
        Map.of("plinth.queue.artemis.mode", "remote", "plinth.queue.artemis.url", "tcp://b:1");
    assertThat(ArtemisSettings.from(queueContext(remote)).connectionTtl())
        .isEqualTo(Duration.ofSeconds(15));

    Map<String, String> withTtl = new HashMap<>(remote);
    withTtl.put("plinth.queue.artemis.connection-ttl", "5s");
    assertThat(ArtemisSettings.from(queueContext(withTtl)).connectionTtl())
        .isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void from_remoteConnectionTtlBelow3s_namesTheKeyAndTheMinimum() {
    Map<String, String> settings =
        Map.of(
            "plinth.queue.artemis.mode", "remote",
            "plinth.queue.artemis.url", "tcp://b:1",
            "plinth.queue.artemis.connection-ttl", "1s");
    assertThatThrownBy(() -> ArtemisSettings.from(queueContext(settings)))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.key()).contains("plinth.queue.artemis.connection-ttl"))
        .hasMessageContaining("at least 3s");
  }

  @Test
  void from_unknownMode_namesTheKey() {
    assertThatThrownBy(
            () -> ArtemisSettings.from(queueContext(Map.of("plinth.queue.artemis.mode", "cloud"))))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.key()).contains("plinth.queue.artemis.mode"))
        .hasMessageContaining("embedded or remote");
  }

  @Test
  void from_badPort_namesTheKey() {
    for (String port : new String[] {"abc", "0", "70000"}) {
      assertThatThrownBy(
              () ->
                  ArtemisSettings.from(
                      queueContext(Map.of("plinth.queue.artemis.embedded-port", port))))
          .isInstanceOfSatisfying(
              ConfigurationException.class,
              e -> assertThat(e.key()).contains("plinth.queue.artemis.embedded-port"));
    }
  }

  @Test
  void from_remoteWithoutUrl_namesTheUrlKey() {
    assertThatThrownBy(
            () -> ArtemisSettings.from(queueContext(Map.of("plinth.queue.artemis.mode", "remote"))))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.key()).contains("plinth.queue.artemis.url"));
  }

  @Test
  void from_passwordWithoutUser_namesTheUserKey() {
    assertThatThrownBy(
            () ->
                ArtemisSettings.from(
                    queueContext(
                        Map.of(
                            "plinth.queue.artemis.mode", "remote",
                            "plinth.queue.artemis.url", "tcp://localhost:61616",
                            "plinth.queue.artemis.password", "s3cret"))))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.key()).contains("plinth.queue.artemis.user"))
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void toString_remoteWithPassword_neverShowsThePassword() {
    ArtemisSettings s =
        ArtemisSettings.from(
            queueContext(
                Map.of(
                    "plinth.queue.artemis.mode", "REMOTE",
                    "plinth.queue.artemis.url", "tcp://h:61616?password=inurl",
                    "plinth.queue.artemis.user", "app",
                    "plinth.queue.artemis.password", "s3cret")));

    assertThat(s.embedded()).isFalse();
    assertThat(s.toString()).contains("app").doesNotContain("s3cret").doesNotContain("inurl");
  }

  @Test
  void from_badCloseTimeout_namesTheKey() {
    assertThatThrownBy(
            () ->
                ArtemisSettings.from(
                    queueContext(Map.of("plinth.queue.artemis.close-timeout", "soon"))))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.key()).contains("plinth.queue.artemis.close-timeout"));
  }
}
