package dev.plinth.server.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The caller of the current request, set by {@link BearerTokenFilter}. */
@RequestScoped
public class CurrentCaller {
  private CallerPrincipal caller;

  /**
   * Returns the caller.
   *
   * @return the authenticated caller, or empty for an anonymous request
   */
  public Optional<CallerPrincipal> get() {
    return Optional.ofNullable(caller);
  }

  void set(CallerPrincipal authenticated) {
    this.caller = authenticated;
  }
}
