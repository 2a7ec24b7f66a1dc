package dev.plinth.azure.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.plinth.error.AuthenticationException;
import dev.plinth.error.AuthenticationException.Reason;
import dev.plinth.jwt.SignedJwtVerifier;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Verifies an Entra ID access token: the shared {@link SignedJwtVerifier} checks format, algorithm
 * (before any key lookup, so {@code none} and HMAC never reach a key), signature and lifetime; this
 * class adds what is particular to Entra ID, the key lookup in the tenant's key set (refreshed on
 * an unknown key id) and the {@link IssuerPolicy} (issuer, tenant, audience).
 */
final class EntraTokenVerifier {
  private static final int MAX_CACHED_VERIFIERS = 32;
  private final SigningKeyCache keys;
  private final SignedJwtVerifier verifier;
  // Converting a JWK to a public key and building a verifier cost as much as a quarter of a
  // verification (JFR, BENCHMARKS.md): keep one verifier per key. Keys are value objects, so a
  // refreshed key set with the same keys reuses them; the bound only matters under key churn.
  private final Map<RSAKey, RSASSAVerifier> verifiers = new ConcurrentHashMap<>();

  EntraTokenVerifier(
      EntraIdSettings settings, SigningKeyCache keys, IssuerPolicy issuerPolicy, Clock clock) {
    this.keys = keys;
    this.verifier =
        new SignedJwtVerifier(
            settings.algorithms().stream().map(JWSAlgorithm::parse).collect(Collectors.toSet()),
            this::verifierFor,
            issuerPolicy::check,
            clock,
            settings.clockSkew());
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
    return verifier.verify(token);
  }

  private JWSVerifier verifierFor(JWSHeader header) throws JOSEException {
    String kid = header.getKeyID();
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
    return cachedVerifier(key);
  }

  private JWSVerifier cachedVerifier(RSAKey key) throws JOSEException {
    RSASSAVerifier cached = verifiers.get(key);
    if (cached == null) {
      cached = new RSASSAVerifier(key.toRSAPublicKey());
      if (verifiers.size() >= MAX_CACHED_VERIFIERS) {
        verifiers.clear();
      }
      verifiers.put(key, cached);
    }
    return cached;
  }
}
