package dev.plinth.server.auth;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders the caller for {@code /auth/me} from the injected claims; other claims are left out (they
 * may hold personal data).
 *
 * @param subject {@code sub}
 * @param kind {@code user} or {@code app}
 * @param roles the Plinth roles ({@code groups})
 * @param scopes {@code scp}
 * @param name {@code name}
 * @param email {@code email}
 * @param tenant {@code tid}
 * @param issuer {@code iss}
 * @param expiresAt {@code exp} in epoch seconds
 * @param issuedAt {@code iat} in epoch seconds
 */
record PrincipalJson(
    String subject,
    String kind,
    Set<String> roles,
    Set<String> scopes,
    Optional<String> name,
    Optional<String> email,
    Optional<String> tenant,
    String issuer,
    Long expiresAt,
    Optional<Long> issuedAt) {

  JsonObject toJson() {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("subject", subject)
            .add("kind", kind)
            .add("roles", sorted(roles))
            .add("scopes", sorted(scopes));
    name.ifPresent(v -> json.add("name", v));
    email.ifPresent(v -> json.add("email", v));
    tenant.ifPresent(v -> json.add("tenant", v));
    if (issuer != null) {
      json.add("issuer", issuer);
    }
    if (expiresAt != null) {
      json.add("expiresAt", Instant.ofEpochSecond(expiresAt).toString());
    }
    issuedAt.ifPresent(v -> json.add("issuedAt", Instant.ofEpochSecond(v).toString()));
    return json.build();
  }

  private static JsonArray sorted(Collection<String> values) {
    return Json.createArrayBuilder(values == null ? Set.of() : new TreeSet<>(values)).build();
  }
}
