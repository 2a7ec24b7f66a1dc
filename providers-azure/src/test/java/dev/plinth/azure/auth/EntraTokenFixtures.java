package dev.plinth.azure.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.plinth.auth.TokenRequest;
import dev.plinth.tck.TokenFixtures;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Entra-shaped tokens for the contract: valid, expired and wrong-audience/issuer tokens come from
 * the mock OIDC server (signed with its real key); the forged and unsigned ones are crafted with
 * Nimbus, each differing from a valid token in exactly one respect.
 */
final class EntraTokenFixtures implements TokenFixtures {
  private final MockEntraIssuer issuer;
  private final RSAKey foreignKey;

  EntraTokenFixtures(MockEntraIssuer issuer) {
    this.issuer = issuer;
    try {
      this.foreignKey = new RSAKeyGenerator(2048).keyID(issuer.keyId()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static TokenRequest alice() {
    return TokenRequest.user("alice", Set.of("user"));
  }

  @Override
  public String valid(TokenRequest request) {
    return issuer.token(request);
  }

  /** Issued now with a lifetime of minus two hours: far beyond the 60 s clock skew. */
  @Override
  public String expired() {
    return issuer.issue(
        issuer.issuerId(), EntraTestSettings.CLIENT_ID, issuer.claims(alice()), -7200);
  }

  /** The mock's kid and valid claims, but signed with a locally generated key. */
  @Override
  public String badSignature() {
    try {
      JWTClaimsSet claims = SignedJWT.parse(valid(alice())).getJWTClaimsSet();
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(issuer.keyId()).build(), claims);
      jwt.sign(new RSASSASigner(foreignKey));
      return jwt.serialize();
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String wrongAudience() {
    return issuer.issue(issuer.issuerId(), "api://someone-else", issuer.claims(alice()), 3600);
  }

  /** Signed with the tenant's real key, but claiming another tenant's issuer. */
  @Override
  public String wrongIssuer() {
    Map<String, Object> claims = new HashMap<>(issuer.claims(alice()));
    claims.put("iss", "https://login.microsoftonline.com/" + UUID.randomUUID() + "/v2.0");
    return issuer.issue(issuer.issuerId(), EntraTestSettings.CLIENT_ID, claims, 3600);
  }

  @Override
  public String algNone() {
    try {
      return new PlainJWT(SignedJWT.parse(valid(alice())).getJWTClaimsSet()).serialize();
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String malformed() {
    return "this-is.not-a.jwt";
  }
}
