package dev.plinth.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MetricsIT {

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
  void prometheus_isServedWithoutAToken() {
    HttpResponse<String> response = ServerClient.get(Metrics.PATH, null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
  }
}
