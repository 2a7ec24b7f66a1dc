package dev.plinth.azure.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.error.AuthenticationException;
import dev.plinth.error.AuthenticationException.Reason;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The fixture of the entra-id tests that sign their own tokens: one {@link MockEntraIssuer} per
 * test class and a single-tenant driver trusting it, with helpers to mint and refuse tokens.
 */
abstract class MockEntraIssuerFixture {
  static MockEntraIssuer issuer;
  static EntraIdAuthenticatorDriver driver;

  @BeforeAll
  static void start() {
    issuer = new MockEntraIssuer();
    driver = EntraTestSettings.driver(singleTenant());
  }

  @AfterAll
  static void stop() {
    issuer.close();
  }

  static Map<String, String> singleTenant() {
    return EntraTestSettings.singleTenant(issuer.authority(), issuer.tenant());
  }

  static Map<String, Object> userClaims() {
    return issuer.userClaims();
  }

  /** A token from the issuer's v2 issuer id, valid for an hour. */
  static String sign(Map<String, Object> claims, String audience) {
    return issuer.issue(issuer.issuerId(), audience, claims, 3600);
  }

  static void assertRefused(EntraIdAuthenticatorDriver target, String token, Reason reason) {
    assertThatThrownBy(() -> target.authenticate(token))
        .isInstanceOfSatisfying(
            AuthenticationException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
