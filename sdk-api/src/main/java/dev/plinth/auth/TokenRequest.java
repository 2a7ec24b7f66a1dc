package dev.plinth.auth;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What a locally issued token should say.
 *
 * @param subject the user or app id
 * @param name a display name, or null
 * @param email an email, or null
 * @param kind user or app
 * @param roles app roles
 * @param scopes delegated scopes
 * @param groups group ids
 * @param ttl access-token lifetime, or null for the issuer's default
 */
public record TokenRequest(
    String subject,
    String name,
    String email,
    Principal.Kind kind,
    Set<String> roles,
    Set<String> scopes,
    Set<String> groups,
    Duration ttl) {

  /**
   * Validates and copies the fields.
   *
   * @param subject the subject
   * @param name the name
   * @param email the email
   * @param kind the kind
   * @param roles the roles
   * @param scopes the scopes
   * @param groups the groups
   * @param ttl the lifetime
   */
  public TokenRequest {
    Objects.requireNonNull(subject, "subject");
    kind = kind == null ? Principal.Kind.USER : kind;
    roles = roles == null ? Set.of() : Set.copyOf(roles);
    scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    groups = groups == null ? Set.of() : Set.copyOf(groups);
  }

  /**
   * A user token with roles and the issuer's default lifetime.
   *
   * @param subject the user id
   * @param roles the roles
   * @return the request
   */
  public static TokenRequest user(String subject, Set<String> roles) {
    return new TokenRequest(subject, subject, null, Principal.Kind.USER, roles, null, null, null);
  }
}
