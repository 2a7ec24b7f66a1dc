package dev.plinth.server.security;

import dev.plinth.server.problem.BearerChallenge;
import dev.plinth.server.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the caller against the roles one resource method allows: anonymous → 401 with a Bearer
 * challenge, authenticated without a listed role → 403.
 */
@Priority(Priorities.AUTHORIZATION)
final class RoleCheckFilter implements ContainerRequestFilter {
  /** Marker for methods anyone may call; never registered. */
  static final RoleCheckFilter PERMIT_ALL = new RoleCheckFilter(Set.of(), false);

  private final Set<String> roles;
  private final boolean anyAuthenticated;

  private RoleCheckFilter(Set<String> roles, boolean anyAuthenticated) {
    this.roles = roles;
    this.anyAuthenticated = anyAuthenticated;
  }

  static RoleCheckFilter anyOf(Set<String> roles) {
    return new RoleCheckFilter(Set.copyOf(roles), false);
  }

  static RoleCheckFilter authenticated() {
    return new RoleCheckFilter(Set.of(), true);
  }

  static RoleCheckFilter denyAll() {
    return new RoleCheckFilter(Set.of(), false);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    SecurityContext security = request.getSecurityContext();
    if (security == null || !(security.getUserPrincipal() instanceof CallerPrincipal)) {
      request.abortWith(BearerChallenge.missingToken());
      return;
    }
    if (anyAuthenticated || roles.stream().anyMatch(security::isUserInRole)) {
      return;
    }
    request.abortWith(
        Problem.of(
                403,
                "forbidden",
                "Forbidden",
                "This operation needs one of the roles " + new TreeSet<>(roles) + ".")
            .toResponse());
  }
}
