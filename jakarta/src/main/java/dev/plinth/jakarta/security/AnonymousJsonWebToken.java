package dev.plinth.jakarta.security;

import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The token of an unauthenticated request: no name, no claims, no groups. */
final class AnonymousJsonWebToken implements JsonWebToken {
  static final AnonymousJsonWebToken INSTANCE = new AnonymousJsonWebToken();

  private AnonymousJsonWebToken() {}

  @Override
  public String getName() {
    return null;
  }

  @Override
  public Set<String> getClaimNames() {
    return Set.of();
  }

  @Override
  public <T> T getClaim(String claimName) {
    return null;
  }

  @Override
  public Set<String> getGroups() {
    return Set.of();
  }

  @Override
  public String toString() {
    return "AnonymousJsonWebToken";
  }
}
