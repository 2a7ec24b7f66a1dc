package dev.plinth.server.auth;

import dev.plinth.auth.Principal;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Collection;
import java.util.TreeSet;

/** Renders the caller for {@code /auth/me}; claims are left out (they may hold personal data). */
final class PrincipalJson {
  private PrincipalJson() {}

  static JsonObject of(Principal principal, String issuer) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("subject", principal.subject())
            .add("kind", principal.kind().name().toLowerCase(java.util.Locale.ROOT))
            .add("roles", sorted(principal.roles()))
            .add("scopes", sorted(principal.scopes()));
    optional(json, "name", principal.name());
    optional(json, "email", principal.email());
    optional(json, "tenant", principal.tenant());
    optional(json, "issuer", issuer);
    if (principal.expiresAt() != null) {
      json.add("expiresAt", principal.expiresAt().toString());
    }
    return json.build();
  }

  private static jakarta.json.JsonArray sorted(Collection<String> values) {
    return Json.createArrayBuilder(new TreeSet<>(values)).build();
  }

  private static void optional(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }
}
