package dev.plinth.azure.auth;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.plinth.core.auth.EntraClaims;
import dev.plinth.error.AuthenticationException;
import dev.plinth.error.AuthenticationException.Reason;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies an Entra ID access token one check at a time, so each failure has its precise reason:
 * format, algorithm (before any key lookup, so {@code none} and HMAC never reach a key), key id,
 * signature, issuer / tenant / audience, lifetime. Messages never contain the token, and Nimbus
 * parse errors are not chained because their messages can quote token fragments.
 */
final class EntraTokenVerifier {
  private static final int MAX_CACHED_VERIFIERS = 32;
  private final Set<String> algorithms;
  private final SigningKeyCache keys;
  private final IssuerPolicy issuerPolicy;
  private final Duration clockSkew;
  private final Clock clock;
  // Converting a JWK to a public key and building a verifier cost as much as a quarter of a
  // verification (JFR, BENCHMARKS.md): keep one verifier per key. Keys are value objects, so a
  // refreshed key set with the same keys reuses them; the bound only matters under key churn.
  private final Map<RSAKey, RSASSAVerifier> verifiers = new ConcurrentHashMap<>();

  EntraTokenVerifier(
      EntraIdSettings settings, SigningKeyCache keys, IssuerPolicy issuerPolicy, Clock clock) {
    this.algorithms = settings.algorithms();
    this.keys = keys;
    this.issuerPolicy = issuerPolicy;
    this.clockSkew = settings.clockSkew();
    this.clock = clock;
  }

  /**
   * Verifies a token and returns its claims.
   *
   * @param token the compact JWT
   * @return the verified claims
   * @throws AuthenticationException with the reason of the first failed check
   * @throws dev.plinth.error.ProviderUnavailableException if no signing key can be fetched
   */
  JWTClaimsSet verify(String token) {
    SignedJWT jwt = parseSigned(token);
    JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
    if (!algorithms.contains(alg.getName())) {
      throw new AuthenticationException(
          Reason.UNSUPPORTED_ALGORITHM,
          "Token algorithm " + alg + " is not allowed; accepted: " + algorithms + ".");
    }
    String kid = jwt.getHeader().getKeyID();
    if (kid == null || kid.isBlank()) {
      throw new AuthenticationException(
          Reason.UNKNOWN_KEY, "Token header names no signing key ('kid'); Entra tokens always do.");
    }
    RSAKey key =
        keys.find(kid)
            .orElseThrow(
                () ->
                    new AuthenticationException(
                        Reason.UNKNOWN_KEY,
                        "Token signing key '"
                            + kid
                            + "' is not in the issuer's key set, even after a refresh (or a"
                            + " refresh is not allowed yet); request a new token."));
    if (!verifySignature(jwt, key)) {
      throw new AuthenticationException(
          Reason.BAD_SIGNATURE,
          "Token signature does not verify; the token was altered or forged.");
    }
    JWTClaimsSet claims = claims(jwt);
    issuerPolicy.check(claims);
    checkLifetime(claims);
    return claims;
  }

  private static SignedJWT parseSigned(String token) {
    JWT jwt;
    try {
      jwt = JWTParser.parse(token);
    } catch (ParseException e) {
      if (declaresAlgNone(token)) {
        throw unsigned();
      }
      throw new AuthenticationException(Reason.MALFORMED, "Token is not a well-formed JWT.");
    }
    if (jwt instanceof PlainJWT) {
      throw unsigned();
    }
    if (jwt instanceof SignedJWT signed) {
      return signed;
    }
    throw new AuthenticationException(
        Reason.UNSUPPORTED_ALGORITHM, "Encrypted tokens are not accepted; send a signed JWT.");
  }

  /** An {@code alg:none} header with a non-empty signature part still means "unsigned". */
  private static boolean declaresAlgNone(String token) {
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return false;
    }
    try {
      return Algorithm.NONE.equals(
          Header.parse(new Base64URL(token.substring(0, dot))).getAlgorithm());
    } catch (ParseException | RuntimeException e) {
      return false;
    }
  }

  private static AuthenticationException unsigned() {
    return new AuthenticationException(
        Reason.UNSUPPORTED_ALGORITHM, "Unsigned tokens (alg none) are refused.");
  }

  private boolean verifySignature(SignedJWT jwt, RSAKey key) {
    try {
      return jwt.verify(verifierFor(key));
    } catch (JOSEException e) {
      return false;
    }
  }

  private RSASSAVerifier verifierFor(RSAKey key) throws JOSEException {
    RSASSAVerifier verifier = verifiers.get(key);
    if (verifier == null) {
      verifier = new RSASSAVerifier(key.toRSAPublicKey());
      if (verifiers.size() >= MAX_CACHED_VERIFIERS) {
        verifiers.clear();
      }
      verifiers.put(key, verifier);
    }
    return verifier;
  }

  private static JWTClaimsSet claims(SignedJWT jwt) {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new AuthenticationException(Reason.MALFORMED, "Token claims are not a JSON object.");
    }
  }

  private void checkLifetime(JWTClaimsSet claims) {
    EntraClaims.checkLifetime(claims.getClaims(), clock.instant(), clockSkew);
  }
}
