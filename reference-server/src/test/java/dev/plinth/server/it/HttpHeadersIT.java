package dev.plinth.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class HttpHeadersIT {

  @Test
  void correlationId_offered_isEchoed() {
    HttpResponse<String> response =
        ServerClient.send(
            ServerClient.request("/api/v1/auth/me").header("X-Correlation-ID", "it-abc-123").GET());

    assertThat(response.headers().firstValue("X-Correlation-ID")).contains("it-abc-123");
  }

  @Test
  void correlationId_missingOrMalformed_isGenerated() {
    HttpResponse<String> missing = ServerClient.get("/api/v1/auth/me", null);
    HttpResponse<String> malformed =
        ServerClient.send(
            ServerClient.request("/api/v1/auth/me").header("X-Correlation-ID", "bad id\t!").GET());

    assertThat(missing.headers().firstValue("X-Correlation-ID")).isPresent();
    assertThat(malformed.headers().firstValue("X-Correlation-ID").orElse(""))
        .isNotEqualTo("bad id\t!")
        .matches("[0-9a-f-]{36}");
  }

  @Test
  void securityHeaders_onSuccessAndOnErrors() {
    for (HttpResponse<String> response :
        new HttpResponse[] {
          ServerClient.get("/api/v1/auth/me", Tokens.accessToken("viewer")),
          ServerClient.get("/api/v1/auth/me", null),
          ServerClient.get("/api/v1/nowhere", null)
        }) {
      assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
      assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
      assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
          .contains("default-src 'none'");
      assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
    }
  }
}
