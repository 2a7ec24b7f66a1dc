package dev.plinth.azure.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import dev.plinth.Health;
import dev.plinth.error.AuthenticationException;
import dev.plinth.error.AuthenticationException.Reason;
import dev.plinth.error.ProviderUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The issuer goes down (its HTTP server is stopped): a driver that already holds keys keeps
 * verifying tokens signed with them and refuses only unknown keys; a driver that never fetched keys
 * reports the provider unavailable.
 */
class EntraIdIssuerOutageTest {
  private static LocalJwksServer issuer;
  private static RSAKey cachedKey;
  private static EntraIdAuthenticatorDriver warmDriver;
  private static EntraIdAuthenticatorDriver coldDriver;

  @BeforeAll
  static void startThenStopIssuer() throws Exception {
    issuer = new LocalJwksServer();
    cachedKey = LocalJwksServer.newKey();
    issuer.publish(cachedKey);
    warmDriver =
        EntraTestSettings.driver(
            EntraTestSettings.singleTenant(issuer.authority(), issuer.tenant()));
    warmDriver.authenticate(issuer.token(cachedKey));
    coldDriver =
        EntraTestSettings.driver(
            EntraTestSettings.singleTenant(issuer.authority(), issuer.tenant()));
    issuer.stop();
  }

  @AfterAll
  static void close() {
    warmDriver.close();
    coldDriver.close();
  }

  @Test
  void authenticate_tokenOfCachedKey_stillVerifies() {
    assertThat(warmDriver.authenticate(issuer.token(cachedKey)).tenant())
        .isEqualTo(issuer.tenant());
  }

  @Test
  void authenticate_unknownKid_isUnknownKeyAndHealthDegraded() {
    String token = issuer.token(LocalJwksServer.newKey());

    assertThatThrownBy(() -> warmDriver.authenticate(token))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY));
    Health health = warmDriver.health();
    assertThat(health.state()).isEqualTo(Health.State.DEGRADED);
    assertThat(health.detail()).contains("last-good");
    assertThat(health.data()).containsKey("lastFetchAgeSeconds");
    // Keys already cached still verify after the failed refresh.
    warmDriver.authenticate(issuer.token(cachedKey));
  }

  @Test
  void authenticate_noKeysAndIssuerDown_isProviderUnavailableAndHealthDown() {
    String token = issuer.token(cachedKey);

    assertThatThrownBy(() -> coldDriver.authenticate(token))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining(issuer.authority())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
    assertThat(coldDriver.health().state()).isEqualTo(Health.State.DOWN);
  }
}
