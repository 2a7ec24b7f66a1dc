package dev.plinth.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.plinth.auth.TokenRequest;
import dev.plinth.tck.TokenFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Good and bad tokens for a {@link DevTokenIssuer}: each bad token differs from a valid one in
 * exactly one respect, so each test proves one check.
 */
final class DevTokenFixtures implements TokenFixtures {
  private static final byte[] HMAC_SECRET = new byte[32];

  private final DevTokenIssuer issuer;

  DevTokenFixtures(DevTokenIssuer issuer) {
    this.issuer = issuer;
  }

  static TokenRequest alice() {
    return TokenRequest.user("alice", Set.of("user"));
  }

  @Override
  public String valid(TokenRequest request) {
    return issuer.issue(request).accessToken();
  }

  /** Issued two hours ago with a one-hour lifetime: far beyond the clock skew. */
  @Override
  public String expired() {
    return issuer.issueAt(alice(), Instant.now().minus(Duration.ofHours(2))).accessToken();
  }

  /** A valid token whose payload was swapped for another's: the signature no longer matches. */
  @Override
  public String badSignature() {
    String[] victim = valid(alice()).split("\\.");
    String[] other = valid(TokenRequest.user("mallory", Set.of("admin"))).split("\\.");
    return victim[0] + "." + other[1] + "." + victim[2];
  }

  /** Right kid and claims, but signed with a key the issuer never had. */
  String forgedWithSameKid() throws JOSEException {
    RSAKey foreign = new RSAKeyGenerator(2048).generate();
    return sign(accessClaims(), issuer.keys().current().getKeyID(), foreign);
  }

  @Override
  public String wrongAudience() {
    return issuer.sign(
        new JWTClaimsSet.Builder(accessClaims()).audience("api://someone-else").build());
  }

  @Override
  public String wrongIssuer() {
    return issuer.sign(
        new JWTClaimsSet.Builder(accessClaims())
            .issuer("https://login.microsoftonline.com/evil/v2.0")
            .build());
  }

  @Override
  public String algNone() {
    return new PlainJWT(accessClaims()).serialize();
  }

  String hs256() throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), accessClaims());
    jwt.sign(new MACSigner(HMAC_SECRET));
    return jwt.serialize();
  }

  String unknownKid() throws JOSEException {
    RSAKey foreign = new RSAKeyGenerator(2048).keyID("not-a-dev-key").generate();
    return sign(accessClaims(), foreign.getKeyID(), foreign);
  }

  @Override
  public String malformed() {
    return "this-is.not-a.jwt";
  }

  JWTClaimsSet accessClaims() {
    return issuer.claims().access(alice(), Instant.now(), Duration.ofHours(1));
  }

  static String sign(JWTClaimsSet claims, String kid, RSAKey key) throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
