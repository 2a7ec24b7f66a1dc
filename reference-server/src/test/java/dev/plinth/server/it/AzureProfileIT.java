package dev.plinth.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server in the {@code azure} profile, configured only by JVM options (see the {@code
 * start-azure-server} execution in the POM), against real local peers: Azurite for azure-blob, an
 * Entra-shaped OIDC issuer for entra-id, an ingestion capture for app-insights, a
 * password-protected redis-server for azure-redis. Service Bus cannot run locally: the queue is the
 * embedded Artemis.
 */
class AzureProfileIT {
  private static final String RUNS = "/api/v1/executions";
  private static String admin;
  private static String user;
  private static String viewer;

  @BeforeAll
  static void tokens() {
    admin = AzurePeerClient.token("it-admin", "Platform.Admin", "platform.manage");
    user = AzurePeerClient.token("it-user", "Platform.User", "workflows.run files.write");
    viewer = AzurePeerClient.token("it-viewer", "Platform.Viewer", "workflows.read");
  }

  @Test
  void platform_describesTheAzureProviders() {
    HttpResponse<String> response = ServerClient.get("/api/v1/platform", admin);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject platform = ServerClient.json(response);
    assertThat(platform.getString("profile")).isEqualTo("azure");
    JsonObject ports = platform.getJsonObject("ports");
    assertThat(provider(ports, "storage")).isEqualTo("azure-blob");
    assertThat(provider(ports, "cache")).isEqualTo("azure-redis");
    assertThat(provider(ports, "queue")).isEqualTo("artemis");
    assertThat(provider(ports, "auth")).isEqualTo("entra-id");
    assertThat(provider(ports, "telemetry")).isEqualTo("app-insights");
  }

  @Test
  void ready_everyPortIsUp() {
    HttpResponse<String> response = ServerClient.get("/health/ready", null);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("azure-blob", "azure-redis", "entra-id", "app-insights");
  }

  @Test
  void entraToken_isAcceptedWithMappedRolesTenantAndScopes() {
    HttpResponse<String> response = ServerClient.get("/api/v1/auth/me", user);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject me = ServerClient.json(response);
    assertThat(me.getString("subject")).isEqualTo("it-user");
    assertThat(me.getString("tenant")).isEqualTo(AzurePeerClient.TENANT);
    assertThat(strings(me, "roles")).containsExactly("user");
    assertThat(strings(me, "scopes")).containsExactlyInAnyOrder("workflows.run", "files.write");
  }

  @Test
  void mappedRoles_areEnforced() {
    HttpResponse<String> asViewer =
        ServerClient.postJson(
            Workflows.PATH, viewer, Workflows.body(Workflows.uniqueName(), "draft"));
    HttpResponse<String> asUser =
        ServerClient.postJson(
            Workflows.PATH, user, Workflows.body(Workflows.uniqueName(), "draft"));

    assertThat(asViewer.statusCode()).as(asViewer.body()).isEqualTo(403);
    assertThat(asUser.statusCode()).as(asUser.body()).isEqualTo(201);
  }

  @Test
  void forgedToken_isRefused() throws Exception {
    SignedJWT genuine = SignedJWT.parse(admin);
    RSAKey attacker = new RSAKeyGenerator(2048).keyID(genuine.getHeader().getKeyID()).generate();
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(attacker.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            genuine.getJWTClaimsSet());
    forged.sign(new RSASSASigner(attacker));

    HttpResponse<String> response = ServerClient.get("/api/v1/auth/me", forged.serialize());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
  }

  @Test
  void otherTenantsToken_isRefused() {
    String foreign =
        AzurePeerClient.tokenFor(
            UUID.randomUUID().toString(), "it-intruder", "Platform.Admin", "platform.manage");

    HttpResponse<String> response = ServerClient.get("/api/v1/auth/me", foreign);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
  }

  @Test
  void devTokenEndpoint_isNotFound() {
    HttpResponse<String> response =
        ServerClient.postJson(
            "/api/v1/auth/token", null, "{\"username\":\"mallory\",\"roles\":[\"admin\"]}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
  }

  @Test
  void execution_succeeds_storeStepWritesToAzurite_logStepReachesAppInsights() {
    String marker = "azure-it-" + UUID.randomUUID();
    String workflow =
        createActive(
            """
            {"name": "say", "type": "log", "message": "said ${params.marker}"},
            {"name": "keep", "type": "store", "key": "report.txt", "content": "${params.marker}"}
            """);

    HttpResponse<String> created =
        ServerClient.postJson(
            Workflows.PATH + "/" + workflow + "/executions",
            user,
            "{\"params\":{\"marker\":\"" + marker + "\"}}");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
    String id = ServerClient.json(created).getString("id");
    JsonObject done = awaitStatus(id, "succeeded");
    String key = "executions/" + id + "/report.txt";
    assertThat(done.getJsonObject("steps").getJsonObject("keep").getString("key")).isEqualTo(key);
    BlobClient blob = AzurePeerClient.container().getBlobClient(key);
    assertThat(blob.downloadContent().toString()).isEqualTo(marker);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(logEnvelope("said " + marker)).isPresent());
    JsonObject envelope = logEnvelope("said " + marker).orElseThrow();
    assertThat(envelope.getString("iKey")).isEqualTo(AzurePeerClient.INSTRUMENTATION_KEY);
    assertThat(envelope.getJsonObject("tags").getString("ai.cloud.role"))
        .isEqualTo("plinth-it-azure");
  }

  @Test
  void file_uploadLandsInAzurite_downloadsAndSharesThroughSas() {
    String project = Files.newProject();
    byte[] content = Files.bytes(300_000, 42);

    String id = Files.upload(project, user, "data.bin", content);

    BlobContainerClient container = AzurePeerClient.container();
    byte[] stored =
        container.getBlobClient("projects/" + project + "/files/" + id).downloadContent().toBytes();
    assertThat(stored).isEqualTo(content);
    HttpResponse<byte[]> download =
        Files.sendBytes(ServerClient.request(Files.path(project) + "/" + id, viewer).GET());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(content);
    HttpResponse<String> link =
        ServerClient.postJson(Files.path(project) + "/" + id + "/link", user, "{}");
    assertThat(link.statusCode()).as(link.body()).isEqualTo(200);
    String url = ServerClient.json(link).getString("url");
    assertThat(url).startsWith("http://127.0.0.1:" + System.getProperty("azure.it.azurite.port"));
    HttpResponse<byte[]> shared = Files.sendBytes(HttpRequest.newBuilder(URI.create(url)));
    assertThat(shared.statusCode()).isEqualTo(200);
    assertThat(shared.body()).isEqualTo(content);
  }

  private static String createActive(String steps) {
    String body =
        """
        {"name": "%s", "status": "active", "definition": {"schemaVersion": 1, "steps": [%s]}}
        """
            .formatted(Workflows.uniqueName(), steps);
    HttpResponse<String> response = ServerClient.postJson(Workflows.PATH, user, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return ServerClient.json(response).getString("id");
  }

  private static JsonObject awaitStatus(String id, String status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              HttpResponse<String> response = ServerClient.get(RUNS + "/" + id, viewer);
              assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
              assertThat(ServerClient.json(response).getString("status"))
                  .as(response.body())
                  .isEqualTo(status);
            });
    return ServerClient.json(ServerClient.get(RUNS + "/" + id, viewer));
  }

  /** The App Insights message the log step's telemetry event became, if it arrived. */
  private static Optional<JsonObject> logEnvelope(String loggedMessage) {
    return AzurePeerClient.envelopes().stream()
        .filter(e -> "MessageData".equals(e.getJsonObject("data").getString("baseType", "")))
        .filter(
            e -> {
              JsonObject data = e.getJsonObject("data").getJsonObject("baseData");
              JsonObject properties = data.getJsonObject("properties");
              return "plinth.execution.log".equals(data.getString("message", ""))
                  && properties != null
                  && loggedMessage.equals(properties.getString("message", ""));
            })
        .findFirst();
  }

  private static String provider(JsonObject ports, String port) {
    return ports.getJsonObject(port).getString("provider");
  }

  private static List<String> strings(JsonObject json, String name) {
    return json.getJsonArray(name).getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString)
        .toList();
  }
}
