package dev.plinth.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.plinth.auth.AuthCapabilities;
import dev.plinth.auth.Principal;
import dev.plinth.auth.TokenIssuer;
import dev.plinth.auth.TokenRequest;
import dev.plinth.core.auth.RoleMapping;
import dev.plinth.error.AuthenticationException;
import dev.plinth.error.AuthenticationException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DevAuthenticatorDriverTest {
  private static DevAuthenticatorDriver driver;
  private static DevTokenIssuer issuer;
  private static DevTokenFixtures tokens;

  @BeforeAll
  static void startDriver() {
    DevAuthSettings defaults = DevAuthSettings.defaults();
    DevAuthSettings settings =
        new DevAuthSettings(
            defaults.issuer(),
            defaults.audience(),
            defaults.tenantId(),
            defaults.clientId(),
            defaults.tokenTtl(),
            defaults.refreshTtl(),
            defaults.rotationGrace(),
            defaults.clockSkew(),
            5,
            defaults.keyDir(),
            FixedDevTokens.parse("dev-admin=alice:admin|user;dev-viewer=bob:viewer"),
            RoleMapping.parse("Platform.Admin=admin,Platform.User=user"));
    driver = new DevAuthenticatorDriver(settings, Clock.systemUTC());
    issuer = driver.issuer();
    tokens = new DevTokenFixtures(issuer);
  }

  @Test
  void authenticate_userToken_mapsEntraShapedClaims() {
    TokenRequest request =
        new TokenRequest(
            "alice",
            "Alice Liddell",
            "alice@example.test",
            Principal.Kind.USER,
            Set.of("Platform.User"),
            Set.of("files.read", "workflows.run"),
            Set.of("g1", "g2"),
            null);

    Principal p = driver.authenticate(tokens.valid(request));

    assertThat(p.subject()).isEqualTo("alice");
    assertThat(p.name()).isEqualTo("Alice Liddell");
    assertThat(p.email()).isEqualTo("alice@example.test");
    assertThat(p.tenant()).isEqualTo(DevAuthSettings.DEFAULT_TENANT_ID);
    assertThat(p.kind()).isEqualTo(Principal.Kind.USER);
    assertThat(p.roles()).containsExactly("user");
    assertThat(p.scopes()).containsExactlyInAnyOrder("files.read", "workflows.run");
    assertThat(p.groups()).containsExactlyInAnyOrder("g1", "g2");
    assertThat(p.groupsOverage()).isFalse();
    assertThat(p.expiresAt()).isBetween(Instant.now(), Instant.now().plus(Duration.ofHours(1)));
    assertThat(p.claims())
        .containsEntry("ver", "2.0")
        .containsEntry("oid", "alice")
        .containsEntry("sub", issuer.claims().pairwiseSubject("alice"))
        .containsEntry("azp", DevAuthSettings.DEFAULT_CLIENT_ID)
        .containsEntry("scp", "files.read workflows.run")
        .containsKeys("iat", "nbf", "exp", "iss", "aud", "oid", "tid", "preferred_username");
  }

  @Test
  void authenticate_sameSubjectTwice_sameStablePairwiseSub() {
    Principal first = driver.authenticate(tokens.valid(DevTokenFixtures.alice()));
    Principal second = driver.authenticate(tokens.valid(DevTokenFixtures.alice()));
    Principal bob = driver.authenticate(tokens.valid(TokenRequest.user("bob", Set.of())));

    assertThat(first.claims().get("sub"))
        .isEqualTo(second.claims().get("sub"))
        .isNotEqualTo(bob.claims().get("sub"))
        .isNotEqualTo("alice");
  }

  @Test
  void authenticate_appToken_isAppKind() {
    TokenRequest app =
        new TokenRequest(
            "7b2e0d4c-1111-4222-8333-944455556666",
            null,
            null,
            Principal.Kind.APP,
            Set.of("Platform.Admin"),
            null,
            null,
            null);

    Principal p = driver.authenticate(tokens.valid(app));

    assertThat(p.kind()).isEqualTo(Principal.Kind.APP);
    assertThat(p.subject()).isEqualTo("7b2e0d4c-1111-4222-8333-944455556666");
    assertThat(p.roles()).containsExactly("admin");
    assertThat(p.claims()).containsEntry("idtyp", "app");
  }

  @Test
  void authenticate_userTokenRequestedWithRolesOnly_isUserKindWithDefaultScope() {
    Principal p =
        driver.authenticate(tokens.valid(TokenRequest.user("carol", Set.of("Platform.User"))));

    assertThat(p.kind()).isEqualTo(Principal.Kind.USER);
    assertThat(p.scopes()).containsExactly("access_as_user");
    assertThat(p.roles()).containsExactly("user");
  }

  @Test
  void authenticate_rolesWithoutScopesOrIdtyp_isAppKind() {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder(tokens.accessClaims())
            .claim("roles", List.of("Platform.User"))
            .claim("scp", null)
            .claim("idtyp", null)
            .build();

    assertThat(driver.authenticate(issuer.sign(claims)).kind()).isEqualTo(Principal.Kind.APP);
  }

  @Test
  void authenticate_moreGroupsThanLimit_flagsOverageInsteadOfListing() {
    Set<String> groups = new HashSet<>();
    IntStream.range(0, 6).forEach(i -> groups.add("group-" + i));
    TokenRequest request =
        new TokenRequest("carol", null, null, null, Set.of("user"), null, groups, null);

    Principal p = driver.authenticate(tokens.valid(request));

    assertThat(p.groupsOverage()).isTrue();
    assertThat(p.groups()).isEmpty();
    assertThat(p.claims()).containsKeys("_claim_names", "_claim_sources");
  }

  @Test
  void authenticate_refreshTokenAsAccessToken_invalidToken() {
    String refresh = issuer.issue(DevTokenFixtures.alice()).refreshToken();

    assertReason(refresh, Reason.INVALID_TOKEN);
  }

  @Test
  void authenticate_expiredWithinClockSkew_accepted() {
    String token =
        issuer
            .issueAt(
                new TokenRequest(
                    "alice", null, null, null, null, null, null, Duration.ofMinutes(1)),
                Instant.now().minus(Duration.ofSeconds(90)))
            .accessToken();

    assertThat(driver.authenticate(token).subject()).isNotBlank();
  }

  @Test
  void authenticate_notYetValid_notYetValid() {
    String token =
        issuer
            .issueAt(DevTokenFixtures.alice(), Instant.now().plus(Duration.ofMinutes(5)))
            .accessToken();

    assertReason(token, Reason.NOT_YET_VALID);
  }

  @Test
  void authenticate_fixedDevToken_acceptedWithItsRoles() {
    Principal p = driver.authenticate("dev-admin");

    assertThat(p.name()).isEqualTo("alice");
    assertThat(p.roles()).containsExactlyInAnyOrder("admin", "user");
    assertThat(p.kind()).isEqualTo(Principal.Kind.USER);
    assertThat(p.tenant()).isEqualTo(DevAuthSettings.DEFAULT_TENANT_ID);
    assertThat(p.claims()).containsEntry("dev_token", true);
  }

  @Test
  void authenticate_fixedDevTokenSubject_matchesIssuedTokenSubject() {
    Principal fixed = driver.authenticate("dev-admin");
    Principal issued = driver.authenticate(tokens.valid(DevTokenFixtures.alice()));

    assertThat(fixed.subject()).isEqualTo(issued.subject());
  }

  @Test
  void authenticate_unknownOpaqueToken_malformed() {
    assertReason("dev-superuser", Reason.MALFORMED);
  }

  static Stream<Arguments> badTokens() throws Exception {
    return Stream.of(
        Arguments.of("expired", tokens.expired(), Reason.EXPIRED),
        Arguments.of("swapped payload", tokens.badSignature(), Reason.BAD_SIGNATURE),
        Arguments.of("foreign key, same kid", tokens.forgedWithSameKid(), Reason.BAD_SIGNATURE),
        Arguments.of("wrong audience", tokens.wrongAudience(), Reason.WRONG_AUDIENCE),
        Arguments.of("wrong issuer", tokens.wrongIssuer(), Reason.WRONG_ISSUER),
        Arguments.of("alg none", tokens.algNone(), Reason.UNSUPPORTED_ALGORITHM),
        Arguments.of(
            "alg none, signature part", tokens.algNone() + "c2ln", Reason.UNSUPPORTED_ALGORITHM),
        Arguments.of("HS256", tokens.hs256(), Reason.UNSUPPORTED_ALGORITHM),
        Arguments.of("unknown kid", tokens.unknownKid(), Reason.UNKNOWN_KEY),
        Arguments.of("malformed", tokens.malformed(), Reason.MALFORMED),
        Arguments.of("one segment", "abc", Reason.MALFORMED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTokens")
  void authenticate_badToken_refusedWithReasonAndNoTokenText(
      String label, String token, Reason reason) {
    assertThatThrownBy(() -> driver.authenticate(token))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.getMessage()).doesNotContain(token);
              for (String part : token.split("\\.")) {
                if (part.length() > 8) {
                  assertThat(e.getMessage()).doesNotContain(part);
                }
              }
              for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                assertThat(String.valueOf(c.getMessage())).doesNotContain(token);
              }
            });
  }

  @Test
  void nativeClient_isTheTokenIssuer() {
    assertThat(driver.nativeClient()).isInstanceOf(TokenIssuer.class).isSameAs(issuer);
    assertThat(driver.capabilities().supports(AuthCapabilities.TOKEN_ISSUER)).isTrue();
  }

  @Test
  void health_upWithoutSecrets() {
    assertThat(driver.health().data())
        .containsEntry("fixedTokens", 2)
        .containsEntry("signingKeys", 1);
    assertThat(driver.health().toString()).doesNotContain("dev-admin");
  }

  private static void assertReason(String token, Reason reason) {
    assertThatThrownBy(() -> driver.authenticate(token))
        .isInstanceOfSatisfying(
            AuthenticationException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
