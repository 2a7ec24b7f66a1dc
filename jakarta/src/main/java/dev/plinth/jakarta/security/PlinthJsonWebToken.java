package dev.plinth.jakarta.security;

import dev.plinth.auth.Principal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A caller authenticated by the SDK {@link dev.plinth.auth.Authenticator}, seen as a MicroProfile
 * JWT {@link JsonWebToken}, so code written for MicroProfile JWT works with every Plinth auth
 * provider (dev issuer, Entra ID) alike.
 *
 * <p>{@link #getName()} is the SDK principal's subject (Entra's {@code oid}: stable across
 * applications), not {@code upn}: names and e-mails change, object ids do not. {@code sub} and
 * {@code oid} are the token's own (each falls back to the SDK subject when absent). {@link
 * #getGroups()} are the Plinth roles, so the container maps them to {@code @RolesAllowed} roles;
 * Entra group ids stay available through {@link #principal()}. Claims derived from the SDK
 * principal win over the token's own ({@code name}, {@code email}, {@code tid}, {@code roles},
 * {@code scp}, {@code groups}, {@code exp}); the other claims of the token are passed through with
 * MicroProfile JWT types: times in epoch seconds ({@link Long}), string arrays as {@code
 * Set<String>}, see {@link ClaimConversions#normalize}. {@link #toString()} never shows the raw
 * token.
 */
public final class PlinthJsonWebToken implements JsonWebToken {
  private final Principal principal;
  private final String rawToken;
  private final Map<String, Object> claims;

  /**
   * Wraps an SDK principal.
   *
   * @param principal the principal the authenticator returned
   * @param rawToken the bearer token it was read from (served as {@code raw_token}, never logged)
   */
  public PlinthJsonWebToken(Principal principal, String rawToken) {
    this.principal = Objects.requireNonNull(principal, "principal");
    this.rawToken = rawToken;
    this.claims = Collections.unmodifiableMap(claimsOf(principal, rawToken));
  }

  private static Map<String, Object> claimsOf(Principal principal, String rawToken) {
    Map<String, Object> all = new LinkedHashMap<>();
    principal.claims().forEach((name, value) -> putIfPresent(all, name, normalize(name, value)));
    // The token's sub (pairwise in Entra ID and the dev issuer) and oid stay as issued; a token
    // without them gets the SDK subject, so both always name the caller.
    all.putIfAbsent(Claims.sub.name(), principal.subject());
    all.putIfAbsent("oid", principal.subject());
    putIfPresent(all, "name", principal.name());
    putIfPresent(all, Claims.email.name(), principal.email());
    putIfPresent(all, "tid", principal.tenant());
    all.put("roles", principal.roles());
    all.put("scp", principal.scopes());
    all.put(Claims.groups.name(), principal.roles());
    if (principal.expiresAt() != null) {
      all.put(Claims.exp.name(), principal.expiresAt().getEpochSecond());
    }
    putIfPresent(all, Claims.raw_token.name(), rawToken);
    return all;
  }

  private static Object normalize(String name, Object value) {
    Object normalized = ClaimConversions.normalize(value);
    // MicroProfile JWT types aud as a set even when the token holds one string.
    if (Claims.aud.name().equals(name) && normalized instanceof String audience) {
      return Set.of(audience);
    }
    return normalized;
  }

  private static void putIfPresent(Map<String, Object> claims, String name, Object value) {
    if (value != null) {
      claims.put(name, value);
    }
  }

  @Override
  public String getName() {
    return principal.subject();
  }

  @Override
  public Set<String> getClaimNames() {
    return claims.keySet();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getClaim(String claimName) {
    return (T) claims.get(claimName);
  }

  @Override
  public Set<String> getGroups() {
    return principal.roles();
  }

  @Override
  public String getRawToken() {
    return rawToken;
  }

  /**
   * Returns the SDK principal (kind, Entra group ids, the overage flag, the original claims).
   *
   * @return the principal
   */
  public Principal principal() {
    return principal;
  }

  @Override
  public String toString() {
    return "PlinthJsonWebToken{" + principal + '}'; // never the raw token or the claims
  }
}
