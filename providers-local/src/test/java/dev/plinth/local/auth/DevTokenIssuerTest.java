package dev.plinth.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.plinth.auth.IssuedTokens;
import dev.plinth.auth.Principal;
import dev.plinth.auth.TokenRequest;
import dev.plinth.error.AuthenticationException;
import dev.plinth.error.AuthenticationException.Reason;
import dev.plinth.tck.MutableClock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DevTokenIssuerTest {
  private static final DevAuthSettings SETTINGS = DevAuthSettings.defaults();
  private static MutableClock clock;
  private static DevAuthenticatorDriver driver;
  private static DevTokenIssuer issuer;

  @BeforeAll
  static void startIssuer() {
    // Shared: no test here rotates keys, and each issues its tokens at the current clock.
    clock = MutableClock.now();
    driver = new DevAuthenticatorDriver(DevAuthSettings.defaults(), clock);
    issuer = driver.issuer();
  }

  @Test
  void discoveryJson_namesIssuerJwksAndRs256() throws Exception {
    Map<String, Object> doc =
        JSONObjectUtils.parse(issuer.discoveryJson("http://localhost:9080/dev-issuer/keys"));

    assertThat(doc)
        .containsEntry("issuer", SETTINGS.issuer())
        .containsEntry("jwks_uri", "http://localhost:9080/dev-issuer/keys");
    assertThat(JSONObjectUtils.getStringList(doc, "id_token_signing_alg_values_supported"))
        .containsExactly("RS256");
    assertThat(JSONObjectUtils.getString(doc, "token_endpoint"))
        .startsWith("http://localhost:9080/dev-issuer/" + SETTINGS.tenantId());
  }

  @Test
  void refresh_returnsNewTokensWithSameGrant() {
    TokenRequest request =
        new TokenRequest(
            "alice",
            "Alice",
            "alice@example.test",
            Principal.Kind.USER,
            Set.of("admin"),
            Set.of("files.read"),
            Set.of("g1"),
            Duration.ofMinutes(5));
    IssuedTokens first = issuer.issue(request);
    clock.advance(Duration.ofMinutes(1));

    IssuedTokens second = issuer.refresh(first.refreshToken());
    Principal p = driver.authenticate(second.accessToken());

    assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
    assertThat(second.expiresAt())
        .isEqualTo(clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofMinutes(5)));
    assertThat(p.roles()).containsExactly("admin");
    assertThat(p.scopes()).containsExactly("files.read");
    assertThat(p.groups()).containsExactly("g1");
    assertThat(p.email()).isEqualTo("alice@example.test");
  }

  @Test
  void refresh_secondUseOfSameToken_invalidToken() {
    String refresh = issuer.issue(DevTokenFixtures.alice()).refreshToken();
    IssuedTokens rotated = issuer.refresh(refresh);

    assertReason(() -> issuer.refresh(refresh), Reason.INVALID_TOKEN);
    assertThat(issuer.refresh(rotated.refreshToken()).accessToken()).isNotBlank();
  }

  @Test
  void refresh_withAccessToken_invalidToken() {
    String access = issuer.issue(DevTokenFixtures.alice()).accessToken();

    assertReason(() -> issuer.refresh(access), Reason.INVALID_TOKEN);
  }

  @Test
  void refresh_afterRefreshLifetime_expired() {
    String refresh = issuer.issue(DevTokenFixtures.alice()).refreshToken();

    clock.advance(SETTINGS.refreshTtl().plus(SETTINGS.clockSkew()).plusSeconds(1));

    assertReason(() -> issuer.refresh(refresh), Reason.EXPIRED);
  }

  @Test
  void refresh_tamperedToken_badSignatureAndNoTokenInMessage() {
    String refresh = issuer.issue(DevTokenFixtures.alice()).refreshToken();
    String other = issuer.issue(TokenRequest.user("mallory", Set.of("admin"))).refreshToken();
    String[] a = refresh.split("\\.");
    String tampered = a[0] + "." + other.split("\\.")[1] + "." + a[2];

    assertThatThrownBy(() -> issuer.refresh(tampered))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE);
              assertThat(e.getMessage()).doesNotContain(tampered).doesNotContain(a[2]);
            });
  }

  @Test
  void issue_defaultLifetimeIsTokenTtl() {
    IssuedTokens tokens = issuer.issue(DevTokenFixtures.alice());

    assertThat(tokens.expiresAt())
        .isEqualTo(clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(SETTINGS.tokenTtl()));
    assertThat(tokens.toString()).doesNotContain(tokens.accessToken());
  }

  @Test
  void authenticate_afterAccessTokenLifetimePlusSkew_expired() {
    String token = issuer.issue(DevTokenFixtures.alice()).accessToken();

    clock.advance(SETTINGS.tokenTtl().plus(SETTINGS.clockSkew()).plusSeconds(1));

    assertReason(() -> driver.authenticate(token), Reason.EXPIRED);
  }

  private static void assertReason(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            AuthenticationException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
