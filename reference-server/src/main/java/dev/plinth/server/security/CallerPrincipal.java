package dev.plinth.server.security;

import dev.plinth.auth.Principal;
import java.util.Objects;

/**
 * The authenticated caller as a {@link java.security.Principal}: its name is the stable subject,
 * and {@link #plinth()} gives the SDK principal with roles, tenant and claims.
 */
public final class CallerPrincipal implements java.security.Principal {
  private final Principal principal;

  /**
   * Wraps an SDK principal.
   *
   * @param principal the principal the authenticator returned
   */
  public CallerPrincipal(Principal principal) {
    this.principal = Objects.requireNonNull(principal, "principal");
  }

  @Override
  public String getName() {
    return principal.subject();
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
    return principal.toString();
  }
}
