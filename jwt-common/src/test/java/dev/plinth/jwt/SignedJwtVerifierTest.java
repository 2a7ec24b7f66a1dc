package dev.plinth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.plinth.error.AuthenticationException;
import dev.plinth.error.AuthenticationException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every refusal path of {@link SignedJwtVerifier} with real Nimbus-signed (or crafted) tokens: the
 * reason codes here are what both the {@code dev} and the {@code entra-id} provider report.
 */
class SignedJwtVerifierTest {
  private static final String KID = "key-1";
  private static final String ISSUER = "https://issuer.example";
  private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");
  private static final Duration SKEW = Duration.ofSeconds(60);
  private static RSAKey key;
  private static RSAKey foreignKey;

  private final AtomicInteger keyLookups = new AtomicInteger();
  private final SignedJwtVerifier verifier =
      new SignedJwtVerifier(
          Set.of(JWSAlgorithm.RS256),
          this::verifierFor,
          SignedJwtVerifierTest::checkIssuer,
          Clock.fixed(NOW, ZoneOffset.UTC),
          SKEW);

  @BeforeAll
  static void generateKeys() throws JOSEException {
    key = new RSAKeyGenerator(2048).keyID(KID).generate();
    // Same key id, different key: what a forger without the private key can do.
    foreignKey = new RSAKeyGenerator(2048).keyID(KID).generate();
  }

  private JWSVerifier verifierFor(JWSHeader header) throws JOSEException {
    keyLookups.incrementAndGet();
    if (!KID.equals(header.getKeyID())) {
      throw new AuthenticationException(Reason.UNKNOWN_KEY, "Unknown key.");
    }
    return new RSASSAVerifier(key.toRSAPublicKey());
  }

  private static void checkIssuer(JWTClaimsSet claims) {
    if (!ISSUER.equals(claims.getIssuer())) {
      throw new AuthenticationException(Reason.WRONG_ISSUER, "Wrong issuer.");
    }
  }

  @Test
  void verify_validToken_returnsClaims() throws JOSEException {
    JWTClaimsSet claims = verifier.verify(signed(key, valid().build()));

    assertThat(claims.getSubject()).isEqualTo("alice");
    assertThat(claims.getIssuer()).isEqualTo(ISSUER);
  }

  @Test
  void verify_signedWithAnotherKey_isBadSignature() throws JOSEException {
    assertRefused(signed(foreignKey, valid().build()), Reason.BAD_SIGNATURE);
  }

  @Test
  void verify_payloadAlteredAfterSigning_isBadSignature() throws JOSEException {
    String[] parts = signed(key, valid().build()).split("\\.");
    String altered =
        new Payload(valid().subject("mallory").build().toJSONObject()).toBase64URL().toString();

    assertRefused(parts[0] + "." + altered + "." + parts[2], Reason.BAD_SIGNATURE);
  }

  @Test
  void verify_algNone_isUnsupportedAlgorithm() {
    String token = new PlainJWT(valid().build()).serialize();

    assertRefused(token, Reason.UNSUPPORTED_ALGORITHM);
    assertThat(keyLookups).hasValue(0);
  }

  @Test
  void verify_algNoneWithSignaturePart_isUnsupportedAlgorithm() throws JOSEException {
    String signature = signed(key, valid().build()).split("\\.")[2];
    String token = new PlainJWT(valid().build()).serialize() + signature;

    assertRefused(token, Reason.UNSUPPORTED_ALGORITHM);
    assertThat(keyLookups).hasValue(0);
  }

  @Test
  void verify_hs256SignedWithThePublicKeyBytes_isUnsupportedAlgorithmBeforeAnyKeyLookup()
      throws JOSEException {
    // The classic key-confusion attack: HMAC keyed with the (public) RSA key.
    JWSSigner hmac = new MACSigner(key.toRSAPublicKey().getEncoded());

    assertRefused(signed(JWSAlgorithm.HS256, KID, hmac), Reason.UNSUPPORTED_ALGORITHM);
    assertThat(keyLookups).hasValue(0);
  }

  @Test
  void verify_rsaAlgorithmNotInAllowList_isUnsupportedAlgorithm() throws JOSEException {
    String token = signed(JWSAlgorithm.RS384, KID, new RSASSASigner(key));

    AuthenticationException refused = assertRefused(token, Reason.UNSUPPORTED_ALGORITHM);
    assertThat(refused).hasMessageContaining("RS384").hasMessageContaining("accepted: [RS256]");
  }

  @Test
  void verify_encryptedJwe_isUnsupportedAlgorithm() throws JOSEException {
    EncryptedJWT jwt =
        new EncryptedJWT(
            new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM), valid().build());
    jwt.encrypt(new RSAEncrypter(key.toRSAPublicKey()));

    assertRefused(jwt.serialize(), Reason.UNSUPPORTED_ALGORITHM);
    assertThat(keyLookups).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not-a-jwt", "a.b.c", "eyJhbGciOiJSUzI1NiJ9", "!!.??.**"})
  void verify_malformed_isMalformed(String token) {
    AuthenticationException refused = assertRefused(token, Reason.MALFORMED);

    assertThat(refused.getCause()).isNull();
  }

  @Test
  void verify_claimsNotAJsonObject_isMalformed() throws JOSEException {
    JWSObject jws = new JWSObject(header(), new Payload("[1, 2]"));
    jws.sign(new RSASSASigner(key));

    assertRefused(jws.serialize(), Reason.MALFORMED);
  }

  @Test
  void verify_unknownKey_passesTheSelectorsRefusalOn() throws JOSEException {
    assertRefused(signed(JWSAlgorithm.RS256, "other", new RSASSASigner(key)), Reason.UNKNOWN_KEY);
  }

  @Test
  void verify_keyThatCannotVerify_isBadSignature() throws JOSEException {
    SignedJwtVerifier broken =
        new SignedJwtVerifier(
            Set.of(JWSAlgorithm.RS256),
            header -> {
              throw new JOSEException("not an RSA key");
            },
            claims -> {},
            Clock.fixed(NOW, ZoneOffset.UTC),
            SKEW);

    assertThatThrownBy(() -> broken.verify(signed(key, valid().build())))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
  }

  @Test
  void verify_claimsPolicyRefusal_comesBeforeTheLifetimeCheck() throws JOSEException {
    JWTClaimsSet expiredFromElsewhere =
        valid().issuer("https://elsewhere").expirationTime(at(NOW.minusSeconds(3600))).build();

    assertRefused(signed(key, expiredFromElsewhere), Reason.WRONG_ISSUER);
  }

  /** Each time claim one second beyond the clock skew. */
  static Stream<Arguments> beyondSkew() {
    return Stream.of(
        Arguments.of("exp", NOW.minus(SKEW).minusSeconds(1), Reason.EXPIRED),
        Arguments.of("nbf", NOW.plus(SKEW).plusSeconds(1), Reason.NOT_YET_VALID),
        Arguments.of("iat", NOW.plus(SKEW).plusSeconds(1), Reason.NOT_YET_VALID));
  }

  /** Each time claim one second inside the clock skew. */
  static Stream<Arguments> withinSkew() {
    return Stream.of(
        Arguments.of("exp", NOW.minus(SKEW).plusSeconds(1)),
        Arguments.of("nbf", NOW.plus(SKEW).minusSeconds(1)),
        Arguments.of("iat", NOW.plus(SKEW).minusSeconds(1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("beyondSkew")
  void verify_timeClaimBeyondSkew_isRefused(String claim, Instant value, Reason reason)
      throws JOSEException {
    assertRefused(signed(key, valid().claim(claim, at(value)).build()), reason);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("withinSkew")
  void verify_timeClaimWithinSkew_isAccepted(String claim, Instant value) throws JOSEException {
    String token = signed(key, valid().claim(claim, at(value)).build());

    assertThat(verifier.verify(token).getSubject()).isEqualTo("alice");
  }

  @Test
  void verify_withoutExp_isMalformed() throws JOSEException {
    assertRefused(signed(key, valid().expirationTime(null).build()), Reason.MALFORMED);
  }

  @Test
  void new_allowListWithNoneHmacOrNothing_isRefused() {
    for (Set<JWSAlgorithm> unsafe :
        Set.of(
            Set.of(JWSAlgorithm.RS256, new JWSAlgorithm("none")),
            Set.of(JWSAlgorithm.RS256, JWSAlgorithm.HS256),
            Set.<JWSAlgorithm>of())) {
      assertThatThrownBy(
              () ->
                  new SignedJwtVerifier(
                      unsafe, verifierFor -> null, claims -> {}, Clock.systemUTC(), SKEW))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private AuthenticationException assertRefused(String token, Reason reason) {
    AuthenticationException refused =
        catchThrowableOfType(AuthenticationException.class, () -> verifier.verify(token));
    assertThat(refused).as("refusal of the token").isNotNull();
    assertThat(refused.reason()).isEqualTo(reason);
    if (!token.isEmpty()) {
      assertThat(refused.getMessage()).doesNotContain(token);
    }
    return refused;
  }

  private static JWTClaimsSet.Builder valid() {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject("alice")
        .issueTime(at(NOW.minusSeconds(10)))
        .notBeforeTime(at(NOW.minusSeconds(10)))
        .expirationTime(at(NOW.plusSeconds(3600)));
  }

  private static String signed(RSAKey signingKey, JWTClaimsSet claims) throws JOSEException {
    SignedJWT jwt = new SignedJWT(header(), claims);
    jwt.sign(new RSASSASigner(signingKey));
    return jwt.serialize();
  }

  /** A valid token's claims under another algorithm or key id. */
  private static String signed(JWSAlgorithm alg, String kid, JWSSigner signer)
      throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), valid().build());
    jwt.sign(signer);
    return jwt.serialize();
  }

  private static JWSHeader header() {
    return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KID).build();
  }

  private static Date at(Instant instant) {
    return Date.from(instant);
  }
}
