package dev.plinth.server.auth;

import dev.plinth.auth.IssuedTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

/** Renders issued tokens in the OAuth 2.0 token-response shape. */
final class TokenJson {
  private TokenJson() {}

  static JsonObject of(IssuedTokens tokens) {
    long expiresIn = Math.max(0, Duration.between(Instant.now(), tokens.expiresAt()).toSeconds());
    return Json.createObjectBuilder()
        .add("access_token", tokens.accessToken())
        .add("refresh_token", tokens.refreshToken())
        .add("token_type", "Bearer")
        .add("expires_in", expiresIn)
        .add("expires_at", tokens.expiresAt().toString())
        .build();
  }
}
