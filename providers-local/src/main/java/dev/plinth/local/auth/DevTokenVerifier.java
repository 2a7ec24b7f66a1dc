package dev.plinth.local.auth;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
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
import java.util.List;

/**
 * Verifies tokens signed by the dev issuer, one check at a time so that each failure gets its
 * precise reason: format, algorithm (RS256 only), key id, signature, issuer, audience, lifetime.
 * Messages never contain the token; Nimbus parse errors are not chained because their messages can
 * quote token fragments.
 */
final class DevTokenVerifier {
  private static final List<JWSAlgorithm> ALLOWED = List.of(JWSAlgorithm.RS256);

  private final DevAuthSettings settings;
  private final SigningKeys keys;
  private final Clock clock;

  DevTokenVerifier(DevAuthSettings settings, SigningKeys keys, Clock clock) {
    this.settings = settings;
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * Verifies a token and returns its claims. Does not look at the token's use (access or refresh).
   *
   * @param token the compact JWT
   * @return the verified claims
   * @throws AuthenticationException with the reason of the first failed check
   */
  JWTClaimsSet verify(String token) {
    SignedJWT jwt = parseSigned(token);
    JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
    if (!ALLOWED.contains(alg)) {
      throw new AuthenticationException(
          Reason.UNSUPPORTED_ALGORITHM,
          "Token algorithm " + alg + " is not allowed; the dev issuer accepts RS256 only.");
    }
    JWSVerifier verifier = keys.verifier(jwt.getHeader().getKeyID());
    if (verifier == null) {
      throw new AuthenticationException(
          Reason.UNKNOWN_KEY,
          "Token signing key is unknown or was rotated out more than "
              + settings.rotationGrace()
              + " ago; request a new token.");
    }
    if (!verifySignature(jwt, verifier)) {
      throw new AuthenticationException(
          Reason.BAD_SIGNATURE,
          "Token signature does not verify; the token was altered or forged.");
    }
    JWTClaimsSet claims = claims(jwt);
    checkIssuerAndAudience(claims);
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
        Reason.UNSUPPORTED_ALGORITHM, "Encrypted tokens are not accepted; send an RS256 JWS.");
  }

  /** An {@code alg:none} header with a non-empty signature part still means "unsigned". */
  private static boolean declaresAlgNone(String token) {
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return false;
    }
    try {
      Header header = Header.parse(new Base64URL(token.substring(0, dot)));
      return Algorithm.NONE.equals(header.getAlgorithm());
    } catch (ParseException | RuntimeException e) {
      return false;
    }
  }

  private static AuthenticationException unsigned() {
    return new AuthenticationException(
        Reason.UNSUPPORTED_ALGORITHM, "Unsigned tokens (alg none) are refused; use RS256.");
  }

  private static boolean verifySignature(SignedJWT jwt, JWSVerifier verifier) {
    try {
      return jwt.verify(verifier);
    } catch (JOSEException e) {
      return false;
    }
  }

  private static JWTClaimsSet claims(SignedJWT jwt) {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new AuthenticationException(Reason.MALFORMED, "Token claims are not a JSON object.");
    }
  }

  private void checkIssuerAndAudience(JWTClaimsSet claims) {
    if (!settings.issuer().equals(claims.getIssuer())) {
      throw new AuthenticationException(
          Reason.WRONG_ISSUER,
          "Token issuer '" + claims.getIssuer() + "' is not the dev issuer " + settings.issuer());
    }
    List<String> audience = claims.getAudience();
    if (audience == null || !audience.contains(settings.audience())) {
      throw new AuthenticationException(
          Reason.WRONG_AUDIENCE,
          "Token audience " + audience + " does not include " + settings.audience());
    }
  }

  private void checkLifetime(JWTClaimsSet claims) {
    EntraClaims.checkLifetime(claims.getClaims(), clock.instant(), settings.clockSkew());
  }
}
