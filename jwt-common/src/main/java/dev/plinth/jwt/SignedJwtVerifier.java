package dev.plinth.jwt;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
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
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies a compact JWS one check at a time, so that each failure has its precise reason: format
 * (plain {@code alg:none} and encrypted tokens are refused), algorithm (against an allow-list,
 * before any key lookup, so {@code none} and HMAC never reach a key), key (the provider's {@link
 * KeySelector}), signature, claims (the provider's {@link ClaimsPolicy}), lifetime ({@code exp},
 * {@code nbf}, {@code iat} with a clock skew). Shared by the {@code dev} and {@code entra-id}
 * providers, which keep only their key lookup and issuer rules.
 *
 * <p>Messages never contain the token, and Nimbus parse errors are not chained because their
 * messages can quote token fragments. Thread-safe if the selector and policy are.
 */
public final class SignedJwtVerifier {
  /** Finds the verifier of the key that signed a token; runs after the algorithm check. */
  @FunctionalInterface
  public interface KeySelector {
    /**
     * Returns the verifier for the token's key.
     *
     * @param header the token header, whose algorithm is allowed
     * @return the verifier, never {@code null}
     * @throws AuthenticationException UNKNOWN_KEY (with the provider's advice) if there is none
     * @throws JOSEException if the key cannot verify anything; the token is refused as
     *     BAD_SIGNATURE
     */
    JWSVerifier verifierFor(JWSHeader header) throws JOSEException;
  }

  /** The provider's checks of verified claims (issuer, tenant, audience); runs before lifetime. */
  @FunctionalInterface
  public interface ClaimsPolicy {
    /**
     * Checks claims whose signature verified.
     *
     * @param claims the claims
     * @throws AuthenticationException with the reason of the first failed check
     */
    void check(JWTClaimsSet claims);
  }

  private final Set<JWSAlgorithm> algorithms;
  private final KeySelector keys;
  private final ClaimsPolicy policy;
  private final Clock clock;
  private final Duration clockSkew;

  /**
   * Creates a verifier.
   *
   * @param algorithms the accepted signature algorithms; never {@code none} or HMAC, whose keys a
   *     client could know
   * @param keys finds a token's verification key
   * @param policy the provider's claim checks
   * @param clock the clock for the lifetime checks
   * @param clockSkew tolerance on {@code exp}, {@code nbf} and {@code iat}
   * @throws IllegalArgumentException if the allow-list is empty or names {@code none} or HMAC
   */
  public SignedJwtVerifier(
      Set<JWSAlgorithm> algorithms,
      KeySelector keys,
      ClaimsPolicy policy,
      Clock clock,
      Duration clockSkew) {
    this.algorithms = Set.copyOf(algorithms);
    if (this.algorithms.isEmpty()
        || this.algorithms.stream()
            .anyMatch(a -> Algorithm.NONE.equals(a) || JWSAlgorithm.Family.HMAC_SHA.contains(a))) {
      throw new IllegalArgumentException(
          "Accepted JWS algorithms must be asymmetric and not empty, not " + algorithms);
    }
    this.keys = Objects.requireNonNull(keys, "keys");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
  }

  /**
   * Verifies a token and returns its claims.
   *
   * @param token the compact JWT
   * @return the verified claims
   * @throws AuthenticationException with the reason of the first failed check
   */
  public JWTClaimsSet verify(String token) {
    SignedJWT jwt = parseSigned(token);
    JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
    if (!algorithms.contains(alg)) {
      throw new AuthenticationException(
          Reason.UNSUPPORTED_ALGORITHM,
          "Token algorithm " + alg + " is not allowed; accepted: " + algorithms + ".");
    }
    if (!verifySignature(jwt)) {
      throw new AuthenticationException(
          Reason.BAD_SIGNATURE,
          "Token signature does not verify; the token was altered or forged.");
    }
    JWTClaimsSet claims = claims(jwt);
    policy.check(claims);
    EntraClaims.checkLifetime(claims.getClaims(), clock.instant(), clockSkew);
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

  private boolean verifySignature(SignedJWT jwt) {
    try {
      return jwt.verify(keys.verifierFor(jwt.getHeader()));
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
}
