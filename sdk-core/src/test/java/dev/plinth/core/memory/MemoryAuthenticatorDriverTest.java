package dev.plinth.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.auth.IssuedTokens;
import dev.plinth.auth.Principal;
import dev.plinth.auth.TokenRequest;
import dev.plinth.error.AuthenticationException;
import dev.plinth.error.AuthenticationException.Reason;
import dev.plinth.error.ConfigurationException;
import dev.plinth.tck.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemoryAuthenticatorDriverTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final MemoryAuthenticatorDriver driver =
      new MemoryAuthenticatorDriver(MemoryAuthSettings.defaults(), clock);

  private static void assertReason(Runnable call, Reason reason) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            AuthenticationException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  void refresh_returnsNewTokensAndRejectsReuse() {
    IssuedTokens first = driver.issue(TokenRequest.user("alice", Set.of("user")));

    IssuedTokens second = driver.refresh(first.refreshToken());

    assertThat(driver.authenticate(second.accessToken()).roles()).containsExactly("user");
    assertReason(() -> driver.refresh(first.refreshToken()), Reason.INVALID_TOKEN);
  }

  @Test
  void authenticate_refreshTokenAsAccessToken_isInvalidToken() {
    IssuedTokens tokens = driver.issue(TokenRequest.user("alice", Set.of()));

    assertReason(() -> driver.authenticate(tokens.refreshToken()), Reason.INVALID_TOKEN);
    assertReason(() -> driver.refresh(tokens.accessToken()), Reason.INVALID_TOKEN);
  }

  @Test
  void authenticate_expiryHonoursClockSkew() {
    String token =
        driver
            .issue(
                new TokenRequest(
                    "bob", null, null, null, Set.of(), Set.of(), Set.of(), Duration.ofMinutes(1)))
            .accessToken();

    clock.advance(Duration.ofSeconds(110));
    assertThat(driver.authenticate(token).subject()).isEqualTo("bob");
    clock.advance(Duration.ofSeconds(20));
    assertReason(() -> driver.authenticate(token), Reason.EXPIRED);
  }

  @Test
  void rotateKeys_previousKeyValidDuringGraceOnly() {
    String old = driver.issue(TokenRequest.user("carol", Set.of())).accessToken();

    String newKid = driver.rotateKeys();

    assertThat(newKid).isNotBlank();
    assertThat(driver.authenticate(old).subject()).isEqualTo("carol");
    assertThat(driver.authenticate(driver.issue(TokenRequest.user("d", Set.of())).accessToken()))
        .isNotNull();
    clock.advance(Duration.ofMinutes(6));
    assertReason(() -> driver.authenticate(old), Reason.UNKNOWN_KEY);
  }

  @Test
  void authenticate_staticToken_returnsConfiguredPrincipal() {
    MemoryAuthSettings d = MemoryAuthSettings.defaults();
    MemoryAuthSettings settings =
        new MemoryAuthSettings(
            d.issuer(),
            d.audience(),
            d.clockSkew(),
            d.accessTtl(),
            d.refreshTtl(),
            d.rotationGrace(),
            MemoryAuthSettings.parseStaticTokens("k", "tokenA=alice:admin|user;tokenB=bob:viewer"));
    MemoryAuthenticatorDriver withStatic = new MemoryAuthenticatorDriver(settings, clock);

    Principal alice = withStatic.authenticate("tokenA");

    assertThat(alice.subject()).isEqualTo("alice");
    assertThat(alice.roles()).containsExactlyInAnyOrder("admin", "user");
    assertThat(withStatic.authenticate("tokenB").roles()).containsExactly("viewer");
    assertReason(() -> withStatic.authenticate("tokenC"), Reason.MALFORMED);
  }

  @Test
  void parseStaticTokens_malformed_failsWithoutEchoingTokens() {
    assertThatThrownBy(
            () -> MemoryAuthSettings.parseStaticTokens("plinth.auth.memory.tokens", "sekrit"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("plinth.auth.memory.tokens")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sekrit"));
  }

  @Test
  void issuerDocuments_areMinimalJson() {
    assertThat(driver.jwksJson()).startsWith("{\"keys\":[]");
    assertThat(driver.discoveryJson("http://x/jwks"))
        .contains("\"jwks_uri\":\"http://x/jwks\"")
        .contains(MemoryAuthSettings.DEFAULT_ISSUER);
  }

  @Test
  void authenticate_tamperedClaims_isBadSignature() {
    String token = driver.issue(TokenRequest.user("eve", Set.of())).accessToken();
    String[] parts = token.split("\\.");
    String forgedClaims = driver.signClaims(Map.of("sub", "root", "typ", "access")).split("\\.")[1];

    assertReason(
        () -> driver.authenticate(parts[0] + "." + forgedClaims + "." + parts[2]),
        Reason.BAD_SIGNATURE);
  }
}
