package dev.plinth.server.security;

import dev.plinth.auth.Principal;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The authenticated caller, as a {@link JsonWebToken} so code written for MicroProfile JWT works
 * with every Plinth auth provider (dev issuer, Entra ID): its name is the stable subject, its
 * groups are the mapped roles ({@code admin}, {@code user}, {@code viewer}), and {@link #plinth()}
 * gives the SDK principal. Claim values follow MicroProfile JWT types: times in epoch seconds,
 * string arrays as sets.
 */
public final class CallerPrincipal implements JsonWebToken {
  private final Principal principal;
  private final String rawToken;

  /**
   * Wraps an SDK principal.
   *
   * @param principal the principal the authenticator returned
   * @param rawToken the bearer token it was read from
   */
  public CallerPrincipal(Principal principal, String rawToken) {
    this.principal = Objects.requireNonNull(principal, "principal");
    this.rawToken = rawToken;
  }

  @Override
  public String getName() {
    return principal.subject();
  }

  @Override
  public Set<String> getGroups() {
    return principal.roles();
  }

  @Override
  public long getExpirationTime() {
    return principal.expiresAt() == null ? 0 : principal.expiresAt().getEpochSecond();
  }

  @Override
  public Set<String> getClaimNames() {
    Set<String> names = new HashSet<>(principal.claims().keySet());
    names.add(Claims.raw_token.name());
    names.add(Claims.groups.name());
    return names;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getClaim(String name) {
    if (Claims.raw_token.name().equals(name)) {
      return (T) rawToken;
    }
    if (Claims.groups.name().equals(name)) {
      return (T) getGroups();
    }
    return (T) normalize(principal.claims().get(name));
  }

  private static Object normalize(Object value) {
    if (value instanceof Date date) {
      return date.toInstant().getEpochSecond();
    }
    if (value instanceof Instant instant) {
      return instant.getEpochSecond();
    }
    if (value instanceof Collection<?> values
        && values.stream().allMatch(v -> v instanceof String)) {
      Set<String> strings = new LinkedHashSet<>();
      values.forEach(v -> strings.add((String) v));
      return strings;
    }
    return value;
  }

  /**
   * Returns the SDK principal.
   *
   * @return the principal
   */
  public Principal plinth() {
    return principal;
  }

  @Override
  public String toString() {
    return principal.toString(); // never the raw token
  }
}
