package dev.plinth.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthIT {

  @Test
  void ready_listsOneUpCheckPerPort() {
    HttpResponse<String> response = ServerClient.get("/health/ready", null);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject health = ServerClient.json(response);
    assertThat(health.getString("status")).isEqualTo("UP");
    List<String> names =
        health.getJsonArray("checks").getValuesAs(JsonValue::asJsonObject).stream()
            .map(check -> check.getString("name"))
            .toList();
    assertThat(names)
        .contains(
            "plinth-storage", "plinth-cache", "plinth-queue", "plinth-auth", "plinth-telemetry");
  }

  @Test
  void platform_describesTheLocalProviders() {
    HttpResponse<String> response =
        ServerClient.get("/api/v1/platform", Tokens.accessToken("admin"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject platform = ServerClient.json(response);
    assertThat(platform.getString("profile")).isEqualTo("local");
    JsonObject ports = platform.getJsonObject("ports");
    assertThat(ports.getJsonObject("storage").getString("provider")).isEqualTo("filesystem");
    // memory by default; the postgres profile runs the server with Redis
    assertThat(ports.getJsonObject("cache").getString("provider"))
        .isEqualTo(System.getProperty("it.cache.provider", "memory"));
    assertThat(ports.getJsonObject("queue").getString("provider")).isEqualTo("artemis");
    assertThat(ports.getJsonObject("auth").getString("provider")).isEqualTo("dev");
    assertThat(ports.getJsonObject("telemetry").getString("provider")).isEqualTo("console");
  }

  @Test
  void live_isUp() {
    HttpResponse<String> response = ServerClient.get("/health/live", null);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(ServerClient.json(response).getString("status")).isEqualTo("UP");
  }

  @Test
  void metrics_respondsInPrometheusFormat() {
    HttpResponse<String> response = ServerClient.get("/metrics", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("# TYPE");
  }

  @Test
  void metrics_countRestRequestsPerResourceMethod() {
    ServerClient.get("/api/v1/auth/me", Tokens.accessToken("viewer"));

    HttpResponse<String> response = ServerClient.get("/metrics?scope=base", null);

    assertThat(response.body()).contains("REST_request");
  }

  @Test
  void openapi_documentsTheApi() {
    HttpResponse<String> response = ServerClient.get("/openapi", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("/api/v1/workflows").contains("/api/v1/auth/token");
  }
}
