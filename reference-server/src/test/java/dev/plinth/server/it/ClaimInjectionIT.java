package dev.plinth.server.it;

import static dev.plinth.server.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code /auth/me} is built from {@code @Claim} and {@code @Inject JsonWebToken} injection that
 * plinth-jakarta serves without the mpJwt feature: every field must match the token's claims.
 */
class ClaimInjectionIT {

  private static JsonObject claims(String token) {
    return Json.createReader(new StringReader(Tokens.payload(token))).readObject();
  }

  private static JsonObject me(String token) {
    HttpResponse<String> response = ServerClient.get("/api/v1/auth/me", token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return ServerClient.json(response);
  }

  @Test
  void me_fieldsComeFromTheTokensClaims() {
    String token = Tokens.issue("dora", "[\"viewer\",\"admin\"]").getString("access_token");
    JsonObject claims = claims(token);

    JsonObject me = me(token);

    assertThat(me.getString("subject")).isEqualTo(claims.getString("oid")).isEqualTo("dora");
    assertThat(me.getString("kind")).isEqualTo("user");
    assertThat(me.getString("name")).as("Provider<Optional<String>>").isEqualTo("dora");
    assertThat(me.getJsonArray("roles").getValuesAs(j -> ((jakarta.json.JsonString) j).getString()))
        .containsExactly("admin", "viewer");
    assertThat(me.getString("tenant")).isEqualTo(claims.getString("tid"));
    assertThat(me.getString("issuer")).isEqualTo(claims.getString("iss"));
    assertThat(me.getString("expiresAt"))
        .isEqualTo(Instant.ofEpochSecond(claims.getJsonNumber("exp").longValue()).toString());
    assertThat(me.getString("issuedAt"))
        .isEqualTo(Instant.ofEpochSecond(claims.getJsonNumber("iat").longValue()).toString());
    assertThat(
            me.getJsonArray("scopes").getValuesAs(j -> ((jakarta.json.JsonString) j).getString()))
        .containsExactlyElementsOf(new TreeSet<>(List.of(claims.getString("scp").split(" "))));
  }

  @Test
  void me_callersInTurn_eachSeesTheirOwnClaims() {
    String erin = Tokens.issue("erin", "[\"user\"]").getString("access_token");
    String finn = Tokens.issue("finn", "[\"viewer\"]").getString("access_token");

    for (int i = 0; i < 3; i++) {
      assertThat(me(erin).getString("subject")).isEqualTo("erin");
      assertThat(me(finn).getString("subject")).isEqualTo("finn");
      assertThat(me(finn).getJsonArray("roles").getString(0)).isEqualTo("viewer");
    }
  }

  @Test
  void publicRoute_withRefusedToken_is401InvalidToken() {
    HttpResponse<String> response =
        ServerClient.postJson(
            "/api/v1/auth/token", "not-a-jwt", "{\"username\":\"gail\",\"roles\":[\"viewer\"]}");

    assertThat(assertProblem(response, 401, "unauthenticated").getString("reason"))
        .isEqualTo("malformed");
    assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
        .contains("error=\"invalid_token\"");
    assertThat(response.body()).doesNotContain("not-a-jwt");
  }
}
