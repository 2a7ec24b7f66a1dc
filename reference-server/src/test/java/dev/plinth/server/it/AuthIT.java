package dev.plinth.server.it;

import static dev.plinth.server.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthIT {

  @Test
  void token_thenMe_describesTheCaller() {
    JsonObject tokens = Tokens.issue("alice", "[\"user\",\"viewer\"]");

    HttpResponse<String> me = ServerClient.get("/api/v1/auth/me", tokens.getString("access_token"));

    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    JsonObject body = ServerClient.json(me);
    assertThat(body.getString("name")).isEqualTo("alice");
    assertThat(body.getString("issuer")).as("from the injected JsonWebToken").startsWith("http");
    assertThat(body.getJsonArray("roles").toString()).isEqualTo("[\"user\",\"viewer\"]");
    assertThat(tokens.getString("token_type")).isEqualTo("Bearer");
    assertThat(tokens.getJsonNumber("expires_in").longValue()).isPositive();
  }

  @Test
  void refresh_returnsNewWorkingTokens() {
    JsonObject tokens = Tokens.issue("bob", "[\"viewer\"]");

    HttpResponse<String> refreshed =
        ServerClient.postJson(
            "/api/v1/auth/refresh",
            null,
            "{\"refresh_token\":\"" + tokens.getString("refresh_token") + "\"}");

    assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    String access = ServerClient.json(refreshed).getString("access_token");
    assertThat(ServerClient.get("/api/v1/auth/me", access).statusCode()).isEqualTo(200);
  }

  @Test
  void refresh_withAccessToken_is401Problem() {
    String access = Tokens.accessToken("viewer");

    HttpResponse<String> response =
        ServerClient.postJson(
            "/api/v1/auth/refresh", null, "{\"refresh_token\":\"" + access + "\"}");

    assertProblem(response, 401, "unauthenticated");
  }

  @Test
  void me_withoutToken_is401WithBearerChallenge() {
    HttpResponse<String> response = ServerClient.get("/api/v1/auth/me", null);

    assertProblem(response, 401, "unauthenticated");
    assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
  }

  @Test
  void me_withForgedToken_is401BadSignature() {
    String token = Tokens.accessToken("viewer");
    String payload = Tokens.payload(token).replace("\"viewer\"", "\"admin\"");

    HttpResponse<String> response =
        ServerClient.get("/api/v1/auth/me", Tokens.forged(token, payload));

    JsonObject problem = assertProblem(response, 401, "unauthenticated");
    assertThat(problem.getString("reason")).isEqualTo("bad_signature");
    assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
        .contains("invalid_token");
  }

  @Test
  void me_withAlgNoneToken_is401() {
    String payload = Tokens.payload(Tokens.accessToken("viewer"));

    HttpResponse<String> response =
        ServerClient.get("/api/v1/auth/me", Tokens.unsigned(payload.replace("viewer", "admin")));

    JsonObject problem = assertProblem(response, 401, "unauthenticated");
    assertThat(problem.getString("reason")).isIn("unsupported_algorithm", "malformed");
  }

  @Test
  void me_withGarbageToken_is401Malformed() {
    HttpResponse<String> response = ServerClient.get("/api/v1/auth/me", "not-a-jwt");

    assertThat(assertProblem(response, 401, "unauthenticated").getString("reason"))
        .isEqualTo("malformed");
  }

  @Test
  void me_withExpiredToken_is401Expired() {
    HttpResponse<String> issued =
        ServerClient.postJson(
            "/api/v1/auth/token",
            null,
            "{\"username\":\"shortlived\",\"roles\":[\"viewer\"],\"ttl_seconds\":1}");
    String token = ServerClient.json(issued).getString("access_token");

    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> ServerClient.get("/api/v1/auth/me", token).statusCode() == 401);

    HttpResponse<String> response = ServerClient.get("/api/v1/auth/me", token);
    assertThat(assertProblem(response, 401, "unauthenticated").getString("reason"))
        .isEqualTo("expired");
  }

  @Test
  void token_withUnknownRole_is400NamingTheField() {
    HttpResponse<String> response =
        ServerClient.postJson(
            "/api/v1/auth/token", null, "{\"username\":\"eve\",\"roles\":[\"user\",\"root\"]}");

    assertThat(assertProblem(response, 400, "validation").getString("field")).isEqualTo("roles[1]");
  }

  @Test
  void token_withMalformedJson_is400Problem() {
    HttpResponse<String> response =
        ServerClient.postJson("/api/v1/auth/token", null, "{\"username\": \"eve\", ");

    assertProblem(response, 400, "malformed-json");
  }

  @Test
  void unknownRoute_is404Problem() {
    assertProblem(ServerClient.get("/api/v1/no-such-thing", null), 404, "not-found");
  }
}
