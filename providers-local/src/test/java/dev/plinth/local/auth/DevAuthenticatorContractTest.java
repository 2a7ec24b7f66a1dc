package dev.plinth.local.auth;

import dev.plinth.auth.Authenticator;
import dev.plinth.auth.TokenIssuer;
import dev.plinth.config.Profile;
import dev.plinth.core.Platform;
import dev.plinth.tck.AuthenticatorContract;
import dev.plinth.tck.TokenFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Runs the authenticator contract against the dev provider, selected through a Platform. */
class DevAuthenticatorContractTest extends AuthenticatorContract {
  private static Platform platform;
  private static DevTokenFixtures fixtures;

  @BeforeAll
  static void startPlatform() {
    platform =
        Platform.builder()
            .profile(Profile.MEMORY)
            .property("plinth.auth.provider", "dev")
            // Only the auth port is under test; the others stay off.
            .property("plinth.storage.provider", "none")
            .property("plinth.cache.provider", "none")
            .property("plinth.queue.provider", "none")
            .build();
    // unwrap(TokenIssuer.class) is the documented way to reach the issuer.
    fixtures = new DevTokenFixtures((DevTokenIssuer) platform.auth().unwrap(TokenIssuer.class));
  }

  @AfterAll
  static void stopPlatform() {
    platform.close();
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
