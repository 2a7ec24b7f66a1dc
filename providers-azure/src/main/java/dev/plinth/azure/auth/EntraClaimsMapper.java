package dev.plinth.azure.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.plinth.auth.Principal;
import dev.plinth.core.auth.RoleMapping;
import dev.plinth.error.AuthenticationException;
import dev.plinth.error.AuthenticationException.Reason;
import java.text.ParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns verified Entra ID claims into a {@link Principal}, with the same conventions as the {@code
 * dev} provider: {@code oid} is the subject, {@code tid} the tenant, {@code roles} are mapped,
 * {@code scp} is split on spaces, app-only tokens ({@code idtyp=app}, or roles without {@code scp})
 * are {@link Principal.Kind#APP}, and a groups overage ({@code _claim_names.groups} or {@code
 * hasgroups}) is flagged so that an incomplete group list is never mistaken for a complete one.
 */
final class EntraClaimsMapper {
  private final RoleMapping roleMapping;

  EntraClaimsMapper(RoleMapping roleMapping) {
    this.roleMapping = roleMapping;
  }

  /**
   * Maps claims.
   *
   * @param claims verified claims
   * @return the principal
   * @throws AuthenticationException MALFORMED if the token names no subject
   */
  Principal map(JWTClaimsSet claims) {
    List<String> roles = list(claims, "roles");
    Set<String> scopes = scopes(claims);
    String subject = firstNonNull(string(claims, "oid"), claims.getSubject());
    if (subject == null) {
      throw new AuthenticationException(
          Reason.MALFORMED, "Token names no subject: it has neither 'oid' nor 'sub'.");
    }
    return new Principal(
        subject,
        firstNonNull(string(claims, "name"), string(claims, "app_displayname")),
        firstNonNull(
            string(claims, "email"),
            firstNonNull(string(claims, "preferred_username"), string(claims, "upn"))),
        string(claims, "tid"),
        isApp(claims, roles, scopes) ? Principal.Kind.APP : Principal.Kind.USER,
        roleMapping.apply(roles),
        scopes,
        new LinkedHashSet<>(list(claims, "groups")),
        hasGroupsOverage(claims),
        claims.getExpirationTime() == null ? null : claims.getExpirationTime().toInstant(),
        withoutNulls(claims.toJSONObject()));
  }

  private static boolean isApp(JWTClaimsSet claims, List<String> roles, Set<String> scopes) {
    return "app".equals(string(claims, "idtyp")) || (scopes.isEmpty() && !roles.isEmpty());
  }

  private static boolean hasGroupsOverage(JWTClaimsSet claims) {
    Object names = claims.getClaim("_claim_names");
    Object hasGroups = claims.getClaim("hasgroups");
    return (names instanceof Map<?, ?> map && map.containsKey("groups"))
        || Boolean.TRUE.equals(hasGroups)
        || "true".equals(hasGroups);
  }

  private static Set<String> scopes(JWTClaimsSet claims) {
    String scp = string(claims, "scp");
    Set<String> scopes = new LinkedHashSet<>();
    if (scp != null) {
      Arrays.stream(scp.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(scopes::add);
    }
    return scopes;
  }

  private static String string(JWTClaimsSet claims, String name) {
    try {
      return claims.getStringClaim(name);
    } catch (ParseException e) {
      return null; // a claim of another type is treated as absent
    }
  }

  private static List<String> list(JWTClaimsSet claims, String name) {
    try {
      List<String> values = claims.getStringListClaim(name);
      return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    } catch (ParseException e) {
      return List.of();
    }
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }

  private static Map<String, Object> withoutNulls(Map<String, Object> claims) {
    Map<String, Object> copy = new LinkedHashMap<>();
    claims.forEach(
        (k, v) -> {
          if (v != null) {
            copy.put(k, v);
          }
        });
    return copy;
  }
}
