package dev.plinth.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Gets tokens from the dev issuer's endpoint and crafts bad ones. */
final class Tokens {
  private Tokens() {}

  /** Issues tokens for a user with the given roles (JSON array text, e.g. ["user"]). */
  static JsonObject issue(String username, String rolesJson) {
    HttpResponse<String> response =
        ServerClient.postJson(
            "/api/v1/auth/token",
            null,
            "{\"username\":\"" + username + "\",\"roles\":" + rolesJson + "}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return ServerClient.json(response);
  }

  /** An access token for a user with one role. */
  static String accessToken(String role) {
    return issue("it-" + role, "[\"" + role + "\"]").getString("access_token");
  }

  /** The same token with its payload replaced: the signature no longer matches. */
  static String forged(String token, String payloadJson) {
    String[] parts = token.split("\\.");
    return parts[0] + "." + base64Url(payloadJson) + "." + parts[2];
  }

  /** An unsigned token ({@code alg: none}) claiming the admin role. */
  static String unsigned(String payloadJson) {
    return base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64Url(payloadJson) + ".";
  }

  /** Decodes a token's payload. */
  static String payload(String token) {
    return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
  }

  private static String base64Url(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
