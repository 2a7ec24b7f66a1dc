package dev.plinth.azure.auth;

import dev.plinth.auth.Authenticator;
import dev.plinth.config.Profile;
import dev.plinth.core.Platform;
import dev.plinth.tck.AuthenticatorContract;
import dev.plinth.tck.TokenFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the authenticator contract against the entra-id provider, selected through a Platform and
 * verifying tokens of a real OIDC server (mock-oauth2-server) shaped like Entra ID.
 */
class EntraIdAuthenticatorContractTest extends AuthenticatorContract {
  private static MockEntraIssuer issuer;
  private static Platform platform;
  private static EntraTokenFixtures fixtures;

  @BeforeAll
  static void start() {
    issuer = new MockEntraIssuer();
    platform =
        Platform.builder()
            .profile(Profile.MEMORY)
            .property("plinth.auth.provider", "entra-id")
            .properties(EntraTestSettings.singleTenant(issuer.authority(), issuer.tenant()))
            // Only the auth port is under test; the others stay off.
            .property("plinth.storage.provider", "none")
            .property("plinth.cache.provider", "none")
            .property("plinth.queue.provider", "none")
            .build();
    fixtures = new EntraTokenFixtures(issuer);
  }

  @AfterAll
  static void stop() {
    platform.close();
    issuer.close();
  }

  @Override
  protected Authenticator authenticator() {
    return platform.auth();
  }

  @Override
  protected TokenFixtures fixtures() {
    return fixtures;
  }
}
