package dev.plinth.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The SDK's metrics (HTTP, executions, ports) on both scrape targets: MicroProfile Metrics' {@code
 * /metrics} (through the plinth-jakarta bridge, application scope) and the console telemetry's
 * {@code /prometheus}.
 */
class MetricsIT {
  private static final String WORKFLOW_ROUTE = "route=\"/api/v1/workflows/{id}\"";

  @Test
  void metrics_countsRequestsByRouteTemplateAndStatus() {
    String token = Tokens.accessToken("user");
    String id = Workflows.create(token, "draft");
    ServerClient.get(Workflows.PATH + "/" + id, token);

    String metrics = Metrics.scrape(Metrics.MICROPROFILE_PATH);

    assertThat(metrics)
        .contains("# TYPE plinth_http_requests_total counter")
        .doesNotContain("route=\"/api/v1/workflows/" + id);
    String[] get = {"method=\"GET\"", WORKFLOW_ROUTE, "status=\"200\"", "mp_scope=\"application\""};
    assertThat(Metrics.value(metrics, "plinth_http_requests_total", get)).isPositive();
    assertThat(Metrics.value(metrics, "plinth_http_request_duration_seconds_count", get))
        .isPositive();
    assertThat(Metrics.value(metrics, "plinth_http_request_duration_seconds_sum", get))
        .isPositive();
    assertThat(
            Metrics.value(
                metrics,
                "plinth_http_requests_total",
                "method=\"POST\"",
                "route=\"/api/v1/workflows\"",
                "status=\"201\""))
        .isPositive();
  }

  @Test
  void metrics_countsRejectedAndUnmatchedRequests() {
    ServerClient.get(Workflows.PATH, null); // 401: no token
    ServerClient.get("/api/v1/no-such-route", null);

    String metrics = Metrics.scrape(Metrics.MICROPROFILE_PATH);

    assertThat(
            Metrics.value(
                metrics, "plinth_http_requests_total", "route=\"/api/v1/workflows\"", "\"401\""))
        .isPositive();
    assertThat(
            Metrics.value(metrics, "plinth_http_requests_total", "route=\"unmatched\"", "\"404\""))
        .isPositive();
  }

  @Test
  void metrics_countsExecutionsByStatus() {
    String user = Tokens.accessToken("user");
    String workflow = activeWorkflow(user);

    HttpResponse<String> started =
        ServerClient.postJson(Workflows.PATH + "/" + workflow + "/executions", user, "{}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () ->
                assertThat(
                        Metrics.value(
                            Metrics.scrape(Metrics.MICROPROFILE_PATH),
                            "plinth_server_executions_total",
                            "status=\"succeeded\""))
                    .isPositive());
    String metrics = Metrics.scrape(Metrics.MICROPROFILE_PATH);
    assertThat(Metrics.value(metrics, "plinth_server_executions_total", "status=\"queued\""))
        .isPositive();
    assertThat(
            Metrics.value(
                metrics, "plinth_queue_messages_total", "queue=\"executions\"", "outcome=\"ack\""))
        .isPositive();
  }

  @Test
  void metrics_includesTheSdkPortMetrics() {
    String token = Tokens.accessToken("user");
    String id = Workflows.create(token, "draft");
    ServerClient.get(Workflows.PATH + "/" + id, token);

    String metrics = Metrics.scrape(Metrics.MICROPROFILE_PATH);

    assertThat(metrics)
        .contains("plinth_cache_requests_total{")
        .contains("plinth_auth_success_total{")
        .contains("plinth_server_rate_limit_total{");
  }

  @Test
  void metrics_keepsTheContainerMetrics() {
    String metrics = Metrics.scrape(Metrics.MICROPROFILE_PATH);

    assertThat(metrics).contains("mp_scope=\"base\"").contains("mp_scope=\"application\"");
  }

  @Test
  void prometheus_countsRequestsByRouteTemplateAndStatus() {
    String token = Tokens.accessToken("user");
    String id = Workflows.create(token, "draft");
    ServerClient.get(Workflows.PATH + "/" + id, token);

    String metrics = Metrics.scrape();

    assertThat(metrics)
        .contains("# TYPE plinth_http_requests_total counter")
        .contains(
            "plinth_http_requests_total{method=\"GET\",route=\"/api/v1/workflows/{id}\","
                + "status=\"200\"}")
        .contains("plinth_http_requests_total{method=\"POST\",route=\"/api/v1/workflows\",")
        .contains("plinth_http_request_duration_seconds_bucket{method=\"GET\"")
        .doesNotContain("route=\"/api/v1/workflows/" + id);
  }

  @Test
  void prometheus_countsRejectedAndUnmatchedRequests() {
    ServerClient.get(Workflows.PATH, null); // 401: no token
    ServerClient.get("/api/v1/no-such-route", null);

    String metrics = Metrics.scrape();

    assertThat(metrics)
        .contains("route=\"/api/v1/workflows\",status=\"401\"")
        .contains("route=\"unmatched\",status=\"404\"");
  }

  @Test
  void prometheus_includesTheSdkMetrics() {
    String token = Tokens.accessToken("user");
    String id = Workflows.create(token, "draft");
    ServerClient.get(Workflows.PATH + "/" + id, token);

    String metrics = Metrics.scrape();

    assertThat(metrics)
        .contains("plinth_cache_requests_total{")
        .contains("plinth_auth_success_total{")
        .contains("plinth_server_rate_limit_total{outcome=\"allowed\"}");
  }

  @Test
  void bothScrapeTargets_areServedWithoutAToken() {
    for (String path : new String[] {Metrics.PATH, Metrics.MICROPROFILE_PATH}) {
      HttpResponse<String> response = ServerClient.get(path, null);

      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    }
  }

  private static String activeWorkflow(String token) {
    String body =
        ("{\"name\": \"%s\", \"status\": \"active\", \"definition\": {\"steps\": ["
                + "{\"name\": \"say\", \"type\": \"log\", \"message\": \"metrics\"}]}}")
            .formatted(Workflows.uniqueName());
    HttpResponse<String> response = ServerClient.postJson(Workflows.PATH, token, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return ServerClient.json(response).getString("id");
  }
}
