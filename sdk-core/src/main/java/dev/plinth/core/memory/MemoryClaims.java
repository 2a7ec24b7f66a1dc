package dev.plinth.core.memory;

import dev.plinth.auth.Principal;
import dev.plinth.auth.TokenRequest;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Maps between token requests, memory-token claims and principals (Entra-like claim names). */
final class MemoryClaims {
  private static final Set<String> LIFECYCLE = Set.of("iss", "aud", "iat", "exp", "typ", "jti");

  private MemoryClaims() {}

  static Map<String, String> identity(TokenRequest request) {
    Map<String, String> claims = new LinkedHashMap<>();
    claims.put("sub", request.subject());
    putIfPresent(claims, "name", request.name());
    putIfPresent(claims, "email", request.email());
    claims.put("kind", request.kind().name());
    putIfPresent(claims, "roles", String.join(",", request.roles()));
    putIfPresent(claims, "scp", String.join(" ", request.scopes()));
    putIfPresent(claims, "groups", String.join(",", request.groups()));
    if (request.ttl() != null) {
      claims.put("ttl", request.ttl().toString());
    }
    return claims;
  }

  static Map<String, String> identityOf(Map<String, String> claims) {
    Map<String, String> identity = new LinkedHashMap<>(claims);
    identity.keySet().removeAll(LIFECYCLE);
    return identity;
  }

  static Principal toPrincipal(Map<String, String> claims) {
    String kind = claims.getOrDefault("kind", Principal.Kind.USER.name());
    return new Principal(
        claims.getOrDefault("sub", ""),
        claims.get("name"),
        claims.get("email"),
        claims.get("tid"),
        Principal.Kind.APP.name().equals(kind) ? Principal.Kind.APP : Principal.Kind.USER,
        split(claims.get("roles"), ","),
        split(claims.get("scp"), " "),
        split(claims.get("groups"), ","),
        false,
        epoch(claims, "exp"),
        Map.copyOf(claims));
  }

  static Instant epoch(Map<String, String> claims, String name) {
    try {
      String value = claims.get(name);
      return value == null ? null : Instant.ofEpochSecond(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String jsonEscape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static void putIfPresent(Map<String, String> claims, String name, String value) {
    if (value != null && !value.isEmpty()) {
      claims.put(name, value);
    }
  }

  private static Set<String> split(String value, String separator) {
    if (value == null || value.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(value.split(separator))
        .filter(s -> !s.isBlank())
        .collect(Collectors.toSet());
  }
}
