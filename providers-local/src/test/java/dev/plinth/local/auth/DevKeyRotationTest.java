package dev.plinth.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.plinth.auth.TokenRequest;
import dev.plinth.error.AuthenticationException;
import dev.plinth.error.AuthenticationException.Reason;
import dev.plinth.tck.MutableClock;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DevKeyRotationTest {
  private final DevAuthSettings settings = DevAuthSettings.defaults();
  private MutableClock clock;
  private DevAuthenticatorDriver driver;
  private DevTokenIssuer issuer;

  @BeforeEach
  void newIssuer() {
    // A fresh issuer per test: rotation changes the key state the next test would see.
    clock = MutableClock.now();
    driver = new DevAuthenticatorDriver(settings, clock);
    issuer = driver.issuer();
  }

  @Test
  void rotateKeys_previousKeyTokenValidDuringGrace() {
    String before = issuer.issue(DevTokenFixtures.alice()).accessToken();

    issuer.rotateKeys();
    clock.advance(settings.rotationGrace().minusSeconds(1));

    assertThat(driver.authenticate(before).roles()).containsExactly("user");
  }

  @Test
  void rotateKeys_previousKeyTokenRefusedAfterGrace() {
    String before = issuer.issue(DevTokenFixtures.alice()).accessToken();

    issuer.rotateKeys();
    clock.advance(settings.rotationGrace().plusSeconds(1));

    assertReason(() -> driver.authenticate(before), Reason.UNKNOWN_KEY);
  }

  @Test
  void rotateKeys_newTokensUseNewKid() throws Exception {
    String oldKid = issuer.keys().current().getKeyID();

    String newKid = issuer.rotateKeys();
    String token = issuer.issue(DevTokenFixtures.alice()).accessToken();

    assertThat(newKid).isNotEqualTo(oldKid);
    assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isEqualTo(newKid);
    assertThat(driver.authenticate(token).subject()).isNotBlank();
  }

  @Test
  void jwksJson_publishesCurrentAndGracedKeysOnly() throws Exception {
    String first = issuer.keys().current().getKeyID();
    String second = issuer.rotateKeys();

    JWKSet during = JWKSet.parse(issuer.jwksJson());
    clock.advance(settings.rotationGrace().plusSeconds(1));
    JWKSet after = JWKSet.parse(issuer.jwksJson());

    assertThat(during.getKeys()).extracting(k -> k.getKeyID()).containsExactly(second, first);
    assertThat(after.getKeys()).extracting(k -> k.getKeyID()).containsExactly(second);
    assertThat(during.getKeys()).allMatch(k -> !k.isPrivate());
    assertThat(issuer.jwksJson()).doesNotContain("\"d\"", "\"p\"", "\"q\"");
  }

  @Test
  void jwksJson_aStandardVerifierAcceptsIssuedTokens() throws Exception {
    TokenRequest request =
        new TokenRequest(
            "alice", "Alice", "alice@example.test", null, Set.of("user"), null, null, null);
    String token = issuer.issue(request).accessToken();
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            JWSAlgorithm.RS256, new ImmutableJWKSet<>(JWKSet.parse(issuer.jwksJson()))));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            settings.audience(),
            new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
            Set.of("exp", "iat", "nbf", "oid", "tid", "sub")));

    JWTClaimsSet claims = processor.process(token, null);

    assertThat(claims.getStringClaim("tid")).isEqualTo(settings.tenantId());
    assertThat(claims.getStringClaim("email")).isEqualTo("alice@example.test");
    assertThat(claims.getStringListClaim("roles")).containsExactly("user");
  }

  private static void assertReason(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            AuthenticationException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
