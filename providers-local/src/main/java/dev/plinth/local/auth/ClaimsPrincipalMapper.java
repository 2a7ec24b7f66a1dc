package dev.plinth.local.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.plinth.auth.Principal;
import dev.plinth.core.auth.RoleMapping;
import dev.plinth.error.AuthenticationException;
import dev.plinth.error.AuthenticationException.Reason;
import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns verified Entra-shaped claims into a {@link Principal}: {@code oid} is the subject, {@code
 * tid} the tenant, app-only tokens ({@code idtyp=app}, or roles without {@code scp}) are {@link
 * Principal.Kind#APP}, and a groups overage ({@code _claim_names.groups}) is flagged rather than
 * silently losing groups.
 */
final class ClaimsPrincipalMapper {
  private final RoleMapping roleMapping;

  ClaimsPrincipalMapper(RoleMapping roleMapping) {
    this.roleMapping = roleMapping;
  }

  /**
   * Maps claims.
   *
   * @param claims verified claims
   * @return the principal
   * @throws AuthenticationException MALFORMED if the token has no subject
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
        string(claims, "name"),
        firstNonNull(string(claims, "email"), string(claims, "preferred_username")),
        string(claims, "tid"),
        isApp(claims, roles, scopes) ? Principal.Kind.APP : Principal.Kind.USER,
        roleMapping.apply(roles),
        scopes,
        new LinkedHashSet<>(list(claims, "groups")),
        hasGroupsOverage(claims),
        expiry(claims),
        withoutNulls(claims.toJSONObject()));
  }

  private static boolean isApp(JWTClaimsSet claims, List<String> roles, Set<String> scopes) {
    return "app".equals(string(claims, "idtyp")) || (scopes.isEmpty() && !roles.isEmpty());
  }

  private static boolean hasGroupsOverage(JWTClaimsSet claims) {
    Object names = claims.getClaim("_claim_names");
    return (names instanceof Map<?, ?> map && map.containsKey("groups"))
        || Boolean.TRUE.equals(claims.getClaim("hasgroups"));
  }

  private static Set<String> scopes(JWTClaimsSet claims) {
    String scp = string(claims, "scp");
    Set<String> scopes = new LinkedHashSet<>();
    if (scp != null) {
      Arrays.stream(scp.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(scopes::add);
    }
    return scopes;
  }

  private static Instant expiry(JWTClaimsSet claims) {
    return claims.getExpirationTime() == null ? null : claims.getExpirationTime().toInstant();
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
