package dev.plinth.auth;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An authenticated caller, in the same shape for the dev issuer and for Microsoft Entra ID.
 *
 * @param subject the stable subject id ({@code oid} for Entra, else {@code sub})
 * @param name a display name, or null
 * @param email an email or user principal name, or null
 * @param tenant the tenant id ({@code tid}), or null
 * @param kind a user or an application (client-credentials token)
 * @param roles application roles, mapped to {@code admin}, {@code user}, {@code viewer} by
 *     configuration
 * @param scopes delegated scopes ({@code scp})
 * @param groups group ids
 * @param groupsOverage true if the token said it had too many groups to list (they must be fetched
 *     elsewhere; {@link #groups()} is then incomplete)
 * @param expiresAt when the token expires
 * @param claims every claim of the token
 */
public record Principal(
    String subject,
    String name,
    String email,
    String tenant,
    Kind kind,
    Set<String> roles,
    Set<String> scopes,
    Set<String> groups,
    boolean groupsOverage,
    Instant expiresAt,
    Map<String, Object> claims) {

  /** Who a token represents. */
  public enum Kind {
    /** A person (delegated token). */
    USER,
    /** An application acting as itself (app-only token). */
    APP
  }

  /**
   * Validates and copies the fields.
   *
   * @param subject the subject
   * @param name the name
   * @param email the email
   * @param tenant the tenant
   * @param kind the kind
   * @param roles the roles
   * @param scopes the scopes
   * @param groups the groups
   * @param groupsOverage whether groups were omitted
   * @param expiresAt the expiry
   * @param claims all claims
   */
  public Principal {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(kind, "kind");
    roles = roles == null ? Set.of() : Set.copyOf(roles);
    scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    groups = groups == null ? Set.of() : Set.copyOf(groups);
    claims = claims == null ? Map.of() : Map.copyOf(claims);
  }

  /**
   * Tells whether the caller has a role.
   *
   * @param role the role
   * @return true if present
   */
  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /**
   * Tells whether the caller has a scope.
   *
   * @param scope the scope
   * @return true if present
   */
  public boolean hasScope(String scope) {
    return scopes.contains(scope);
  }

  @Override
  public String toString() {
    // Claims may hold personal data; keep them out of logs.
    return "Principal{subject=" + subject + ", kind=" + kind + ", roles=" + roles + '}';
  }
}
