package dev.plinth.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.auth.Principal;
import dev.plinth.auth.TokenRequest;
import dev.plinth.azure.auth.EntraTestSettings;
import dev.plinth.azure.auth.MockEntraIssuer;
import dev.plinth.azure.telemetry.Envelope;
import dev.plinth.azure.telemetry.IngestionServer;
import dev.plinth.config.ConfigSource;
import dev.plinth.config.Profile;
import dev.plinth.core.Platform;
import dev.plinth.core.PlatformDescription;
import dev.plinth.core.PortName;
import dev.plinth.core.config.EnvironmentSource;
import dev.plinth.queue.DeadLetter;
import dev.plinth.telemetry.PlinthMetrics;
import dev.plinth.testing.Azurite;
import dev.plinth.testing.EmbeddedRedis;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the unchanged {@link Quickstart} on the {@code azure} profile, configured by the environment
 * variables README-azure.md documents, every port pointed at a real local peer: azure-blob on
 * Azurite, azure-redis (access key, no TLS) on a password-protected Redis, entra-id on a mock OIDC
 * issuer shaped like Entra ID, app-insights on a local ingestion endpoint. There is no Service Bus
 * emulator, so the queue alone is overridden to the embedded {@code artemis} provider
 * (azure-servicebus has its own mock and {@code -Plive} tests in providers-azure). The peers come
 * from providers-azure's test-jar and test-backends; Node.js is required for Azurite.
 */
class AzureQuickstartTest {
  private static final String REDIS_ACCESS_KEY = "quickstart-Access-Key-0123456789=";
  private static final String ROLE = "quickstart";

  @TempDir static Path data;
  private static Azurite azurite;
  private static EmbeddedRedis redis;
  private static MockEntraIssuer issuer;
  private static IngestionServer ingestion;

  @BeforeAll
  static void startLocalPeers() throws Exception {
    azurite = Azurite.start(Files.createDirectories(data.resolve("azurite")));
    redis = EmbeddedRedis.start("requirepass " + REDIS_ACCESS_KEY);
    issuer = new MockEntraIssuer();
    ingestion = IngestionServer.start();
  }

  @AfterAll
  static void stopLocalPeers() {
    for (AutoCloseable peer : new AutoCloseable[] {ingestion, issuer, redis, azurite}) {
      try {
        if (peer != null) {
          peer.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException("could not stop " + peer, e);
      }
    }
  }

  @Test
  void run_onAzureProfileAgainstLocalPeers_behavesAsOnTheLocalProfile() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    DeadLetter deadLetter;
    PlatformDescription description;
    Principal principal;
    try (Platform platform = azurePlatform();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      description = platform.describe();
      deadLetter = Quickstart.run(platform, out);
      principal = platform.auth().authenticate(issuer.token(TokenRequest.user("ada", Set.of())));
    }

    assertThat(description.profile()).isEqualTo(Profile.AZURE);
    assertThat(description.port(PortName.STORAGE).provider()).isEqualTo("azure-blob");
    assertThat(description.port(PortName.CACHE).provider()).isEqualTo("azure-redis");
    assertThat(description.port(PortName.QUEUE).provider()).isEqualTo("artemis");
    assertThat(description.port(PortName.AUTH).provider()).isEqualTo("entra-id");
    assertThat(description.port(PortName.TELEMETRY).provider()).isEqualTo("app-insights");
    assertThat(principal.subject()).isEqualTo("ada");

    String output = buffer.toString(StandardCharsets.UTF_8);
    assertThat(output)
        .contains("storage: quickstart/hello.txt (13 bytes")
        .contains("-> \"Hello, Plinth\"")
        .contains("cache: greeting = loaded once, then cached")
        .contains("queue: attempt 3 of 'poison-order-2'")
        .doesNotContain("attempt 4")
        .contains("platform: Plinth platform (profile azure)");
    assertThat(deadLetter.reason()).isEqualTo("max-attempts-exceeded");
    assertThat(deadLetter.attempts()).isEqualTo(3);
    assertThat(deadLetter.message().bodyAsText()).isEqualTo("poison-order-2");

    // close() flushed the exporter: the quickstart's metrics reached the ingestion endpoint.
    List<Envelope> metrics =
        ingestion.envelopes().stream().filter(e -> "MetricData".equals(e.baseType())).toList();
    assertThat(metrics).isNotEmpty().allSatisfy(e -> assertThat(e.cloudRole()).isEqualTo(ROLE));
    assertThat(metrics)
        .anySatisfy(
            e -> {
              assertThat(e.metricName()).isEqualTo(PlinthMetrics.STORAGE_OPS);
              assertThat(e.properties()).containsEntry("provider", "azure-blob");
            })
        .anySatisfy(
            e -> {
              assertThat(e.metricName()).isEqualTo(PlinthMetrics.CACHE_REQUESTS);
              assertThat(e.properties()).containsEntry("provider", "azure-redis");
            })
        .anySatisfy(e -> assertThat(e.metricName()).isEqualTo(PlinthMetrics.QUEUE_MESSAGES));
  }

  @Test
  void readme_documentsEveryVariableThisTestSets() throws Exception {
    String readme = Files.readString(Path.of("README-azure.md"));

    assertThat(azureEnvironment().keySet()).allSatisfy(name -> assertThat(readme).contains(name));
  }

  /**
   * The azure profile exactly as README-azure.md tells an integrator to export it, each endpoint
   * swapped for a local peer. It outranks the build machine's own environment (ordinal 500 instead
   * of 300) so that a developer's exported PLINTH_* variables cannot change the test.
   */
  private static Platform azurePlatform() {
    EnvironmentSource exported = new EnvironmentSource(azureEnvironment());
    return Platform.builder().source(new Outranking(exported)).build();
  }

  private static Map<String, String> azureEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PLINTH_PROFILE", "azure");
    env.put("PLINTH_STORAGE_AZURE_BLOB_CONTAINER", "quickstart");
    env.put("PLINTH_STORAGE_AZURE_BLOB_CREATE_CONTAINER", "true");
    env.put("PLINTH_STORAGE_AZURE_BLOB_CONNECTION_STRING", azurite.connectionString());
    env.put("PLINTH_CACHE_AZURE_REDIS_HOST", "127.0.0.1");
    env.put("PLINTH_CACHE_AZURE_REDIS_PORT", Integer.toString(redis.port()));
    env.put("PLINTH_CACHE_AZURE_REDIS_TLS", "false");
    env.put("PLINTH_CACHE_AZURE_REDIS_AUTH", "access-key");
    env.put("PLINTH_CACHE_AZURE_REDIS_ACCESS_KEY", REDIS_ACCESS_KEY);
    env.put("PLINTH_AUTH_ENTRA_ID_TENANT_ID", issuer.tenant());
    env.put("PLINTH_AUTH_ENTRA_ID_CLIENT_ID", EntraTestSettings.CLIENT_ID);
    env.put("PLINTH_AUTH_ENTRA_ID_AUTHORITY", issuer.authority());
    env.put(
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        ingestion.connectionString(UUID.randomUUID().toString()));
    env.put("PLINTH_TELEMETRY_APP_INSIGHTS_ROLE_NAME", ROLE);
    env.put("PLINTH_TELEMETRY_APP_INSIGHTS_LIVE_METRICS", "false");
    // No Service Bus emulator exists: the queue alone runs on embedded Artemis here.
    env.put("PLINTH_QUEUE_PROVIDER", "artemis");
    env.put("PLINTH_QUEUE_ARTEMIS_DATA_DIR", data.resolve("artemis").toString());
    return env;
  }

  /** A config source that answers like another one, at the builder's ordinal. */
  private record Outranking(ConfigSource source) implements ConfigSource {
    @Override
    public String name() {
      return "exported-" + source.name();
    }

    @Override
    public int ordinal() {
      return 500;
    }

    @Override
    public Optional<String> get(String key) {
      return source.get(key);
    }

    @Override
    public Set<String> keys() {
      return source.keys();
    }
  }
}
