package dev.plinth.server.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Makes {@code @Inject JsonWebToken} work without the {@code mpJwt} feature: the token is the
 * caller authenticated by the SDK, or an empty token (no name, no claims) for anonymous requests.
 */
@ApplicationScoped
public class JsonWebTokenProducer {
  @Inject CurrentCaller current;

  /**
   * Produces the caller's token for the current request.
   *
   * @return the caller, or an empty token
   */
  @Produces
  @RequestScoped
  public JsonWebToken jsonWebToken() {
    return current.get().<JsonWebToken>map(c -> c).orElse(Anonymous.INSTANCE);
  }

  /** The token of an unauthenticated request. */
  private static final class Anonymous implements JsonWebToken {
    static final Anonymous INSTANCE = new Anonymous();

    @Override
    public String getName() {
      return null;
    }

    @Override
    public Set<String> getClaimNames() {
      return Set.of();
    }

    @Override
    public <T> T getClaim(String name) {
      return null;
    }
  }
}
