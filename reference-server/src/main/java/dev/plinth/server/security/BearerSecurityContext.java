package dev.plinth.server.security;

import jakarta.ws.rs.core.SecurityContext;

/** The JAX-RS security context of a request authenticated with a bearer token. */
final class BearerSecurityContext implements SecurityContext {
  private final CallerPrincipal caller;
  private final boolean secure;

  BearerSecurityContext(CallerPrincipal caller, boolean secure) {
    this.caller = caller;
    this.secure = secure;
  }

  @Override
  public CallerPrincipal getUserPrincipal() {
    return caller;
  }

  @Override
  public boolean isUserInRole(String role) {
    return caller.plinth().hasRole(role);
  }

  @Override
  public boolean isSecure() {
    return secure;
  }

  @Override
  public String getAuthenticationScheme() {
    return "Bearer";
  }
}
