package dev.plinth.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The IT server allows the origin {@code https://app.example.test} (see the POM). */
class CorsIT {
  private static final String ALLOWED = "https://app.example.test";

  @Test
  void preflight_fromAnAllowedOrigin_isAnsweredWithoutAToken() {
    HttpResponse<String> response = preflight(ALLOWED);

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow())
        .contains("PUT");
    assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
        .contains("Authorization", "If-Match", "Idempotency-Key", "X-Correlation-ID");
  }

  @Test
  void preflight_fromAnotherOrigin_getsNoCorsHeaders() {
    HttpResponse<String> response = preflight("https://evil.example.test");

    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
  }

  @Test
  void request_fromAnAllowedOrigin_exposesTheApiHeaders() {
    HttpResponse<String> response =
        ServerClient.send(
            ServerClient.request("/api/v1/auth/me", Tokens.accessToken("viewer"))
                .header("Origin", ALLOWED)
                .GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
    assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
        .contains("ETag", "Location", "X-Correlation-ID", "Retry-After");
  }

  private static HttpResponse<String> preflight(String origin) {
    return ServerClient.send(
        ServerClient.request(Workflows.PATH + "/some-id")
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "PUT")
            .header("Access-Control-Request-Headers", "authorization,if-match,content-type")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
  }
}
