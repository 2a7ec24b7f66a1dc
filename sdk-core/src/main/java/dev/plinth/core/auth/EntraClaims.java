package dev.plinth.core.auth;

import dev.plinth.auth.Principal;
import dev.plinth.error.AuthenticationException;
import dev.plinth.error.AuthenticationException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Entra ID claim conventions shared by every provider that verifies Entra-shaped tokens (the
 * {@code dev} issuer and Microsoft Entra ID), on a plain claims map so that it needs no JWT
 * library.
 *
 * <p>{@link #toPrincipal} maps claims: {@code oid} (else {@code sub}) is the subject, {@code tid}
 * the tenant, {@code name} (else {@code app_displayname}) the name, {@code email} (else {@code
 * preferred_username}, else {@code upn}) the email, {@code roles} are mapped by a {@link
 * RoleMapping}, {@code scp} is split on white space, app-only tokens ({@code idtyp=app}, or roles
 * without {@code scp}) are {@link Principal.Kind#APP}, and a groups overage ({@code
 * _claim_names.groups} or {@code hasgroups}) is flagged so that an incomplete group list is never
 * mistaken for a complete one.
 *
 * <p>{@link #checkLifetime} checks {@code exp}, {@code nbf} and {@code iat} against a clock with a
 * skew.
 *
 * <p>A claim of an unexpected type is treated as absent. Time claims may be {@link Date}, {@link
 * Instant} or a number of seconds since the epoch (the JWT wire form).
 */
public final class EntraClaims {
  private EntraClaims() {}

  /**
   * Maps verified claims to a principal.
   *
   * @param claims the verified claims, e.g. Nimbus {@code JWTClaimsSet.toJSONObject()}; the
   *     principal keeps every non-null top-level claim as it is given
   * @param roleMapping maps the {@code roles} claim to Plinth roles
   * @return the principal
   * @throws AuthenticationException MALFORMED if the claims name no subject
   */
  public static Principal toPrincipal(Map<String, ?> claims, RoleMapping roleMapping) {
    Objects.requireNonNull(claims, "claims");
    Objects.requireNonNull(roleMapping, "roleMapping");
    List<String> roles = list(claims, "roles");
    Set<String> scopes = scopes(claims);
    String subject = firstNonNull(string(claims, "oid"), string(claims, "sub"));
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
        instant(claims.get("exp")),
        withoutNulls(claims));
  }

  /**
   * Checks a token's lifetime: {@code exp} must be present and not past, {@code nbf} (if present)
   * must be reached, and {@code iat} (if present) must not be in the future, each with {@code skew}
   * of tolerance.
   *
   * @param claims the claims
   * @param now the current time
   * @param skew the tolerated clock skew
   * @throws AuthenticationException MALFORMED without {@code exp}, EXPIRED, or NOT_YET_VALID
   */
  public static void checkLifetime(Map<String, ?> claims, Instant now, Duration skew) {
    Instant exp = instant(claims.get("exp"));
    if (exp == null) {
      throw new AuthenticationException(Reason.MALFORMED, "Token has no 'exp' claim.");
    }
    if (now.isAfter(exp.plus(skew))) {
      throw new AuthenticationException(
          Reason.EXPIRED, "Token expired at " + exp + "; request a new one.");
    }
    Instant nbf = instant(claims.get("nbf"));
    if (nbf != null && now.plus(skew).isBefore(nbf)) {
      throw new AuthenticationException(
          Reason.NOT_YET_VALID, "Token is not valid before " + nbf + "; check the clocks.");
    }
    Instant iat = instant(claims.get("iat"));
    if (iat != null && now.plus(skew).isBefore(iat)) {
      throw new AuthenticationException(
          Reason.NOT_YET_VALID,
          "Token was issued in the future, at " + iat + "; check the clocks.");
    }
  }

  /**
   * Reads a time claim value.
   *
   * @param value a {@link Date}, an {@link Instant}, a number of seconds since the epoch, or
   *     anything else
   * @return the instant, or null if the value is null or of another type
   */
  public static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof Number number) {
      // JWT NumericDate: whole seconds since the epoch (as Nimbus reads it).
      return Instant.ofEpochSecond(number.longValue());
    }
    return null;
  }

  private static boolean isApp(Map<String, ?> claims, List<String> roles, Set<String> scopes) {
    return "app".equals(string(claims, "idtyp")) || (scopes.isEmpty() && !roles.isEmpty());
  }

  private static boolean hasGroupsOverage(Map<String, ?> claims) {
    Object names = claims.get("_claim_names");
    Object hasGroups = claims.get("hasgroups");
    return (names instanceof Map<?, ?> map && map.containsKey("groups"))
        || Boolean.TRUE.equals(hasGroups)
        || "true".equals(hasGroups);
  }

  private static Set<String> scopes(Map<String, ?> claims) {
    String scp = string(claims, "scp");
    Set<String> scopes = new LinkedHashSet<>();
    if (scp != null) {
      Arrays.stream(scp.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(scopes::add);
    }
    return scopes;
  }

  private static String string(Map<String, ?> claims, String name) {
    return claims.get(name) instanceof String s ? s : null;
  }

  /** A list of strings; a list holding anything but strings (or nulls) is treated as absent. */
  private static List<String> list(Map<String, ?> claims, String name) {
    if (!(claims.get(name) instanceof List<?> values)) {
      return List.of();
    }
    if (values.stream().anyMatch(v -> v != null && !(v instanceof String))) {
      return List.of();
    }
    return values.stream().filter(Objects::nonNull).map(String.class::cast).toList();
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }

  private static Map<String, Object> withoutNulls(Map<String, ?> claims) {
    Map<String, Object> copy = new LinkedHashMap<>();
    claims.forEach(
        (k, v) -> {
          if (k != null && v != null) {
            copy.put(k, v);
          }
        });
    return copy;
  }
}
