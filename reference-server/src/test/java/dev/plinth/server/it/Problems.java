package dev.plinth.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/** Assertions on RFC 9457 problem responses. */
final class Problems {
  private Problems() {}

  /** Asserts the status, the problem media type and type URI; returns the problem. */
  static JsonObject assertProblem(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonObject problem = ServerClient.json(response);
    assertThat(problem.getString("type")).isEqualTo("https://plinth.dev/problems/" + code);
    assertThat(problem.getInt("status")).isEqualTo(status);
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("detail")).isNotBlank();
    return problem;
  }
}
