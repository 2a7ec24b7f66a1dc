package dev.plinth.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The IT server allows subject {@code it-throttled} 5 requests per minute and everyone else far
 * more (see the POM), so only this class is ever throttled.
 */
class RateLimitIT {
  private static final int LIMIT = 5;

  @Test
  void requests_overTheLimit_areAnswered429WithRetryAfter() {
    String token = Tokens.issue("it-throttled", "[\"viewer\"]").getString("access_token");
    String correlationId = "it-rate-limit-" + UUID.randomUUID();
    List<HttpResponse<String>> responses = new ArrayList<>();

    // Fixed windows are aligned to the clock: the requests may straddle two windows, but 2*LIMIT+1
    // requests always include one over the limit.
    for (int i = 0; i <= 2 * LIMIT && !throttled(responses); i++) {
      responses.add(
          ServerClient.send(
              ServerClient.request("/api/v1/auth/me", token)
                  .header("X-Correlation-ID", correlationId)
                  .GET()));
    }

    HttpResponse<String> first = responses.get(0);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("RateLimit-Limit")).hasValue(String.valueOf(LIMIT));
    assertThat(first.headers().firstValue("RateLimit-Remaining")).isPresent();
    HttpResponse<String> last = responses.get(responses.size() - 1);
    assertThat(last.statusCode()).as(last.body()).isEqualTo(429);
    Problems.assertProblem(last, 429, "throttled");
    long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 60L);
    assertThat(last.headers().firstValue("RateLimit-Remaining")).hasValue("0");
    assertThat(responses.size()).isGreaterThan(LIMIT);
    assertLoggedWithCorrelationId(correlationId);
  }

  @Test
  void healthAndMetrics_areNeverLimited() {
    String token = Tokens.issue("it-throttled", "[\"viewer\"]").getString("access_token");

    for (int i = 0; i <= 2 * LIMIT; i++) {
      assertThat(ServerClient.get("/health/live", token).statusCode()).isEqualTo(200);
    }

    assertThat(ServerClient.get(Metrics.PATH, token).statusCode()).isEqualTo(200);
  }

  private static boolean throttled(List<HttpResponse<String>> responses) {
    return !responses.isEmpty() && responses.get(responses.size() - 1).statusCode() == 429;
  }

  /** The throttling is logged as JSON with the request's correlation id as a field. */
  private static void assertLoggedWithCorrelationId(String correlationId) {
    Path log = Path.of(System.getProperty("server.logs.dir"), "messages.log");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(read(log)).contains("\"ext_correlationId\":\"" + correlationId + "\""));
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
