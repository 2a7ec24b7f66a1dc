package dev.plinth.local.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.plinth.error.AuthenticationException;
import dev.plinth.error.AuthenticationException.Reason;
import dev.plinth.jwt.SignedJwtVerifier;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Verifies tokens signed by the dev issuer: the shared {@link SignedJwtVerifier} checks format,
 * algorithm (RS256 only), signature and lifetime; this class adds what is particular to the dev
 * issuer, its key lookup (with the rotation grace) and its issuer and audience.
 */
final class DevTokenVerifier {
  private final DevAuthSettings settings;
  private final SigningKeys keys;
  private final SignedJwtVerifier verifier;

  DevTokenVerifier(DevAuthSettings settings, SigningKeys keys, Clock clock) {
    this.settings = settings;
    this.keys = keys;
    this.verifier =
        new SignedJwtVerifier(
            Set.of(JWSAlgorithm.RS256),
            this::verifierFor,
            this::checkIssuerAndAudience,
            clock,
            settings.clockSkew());
  }

  /**
   * Verifies a token and returns its claims. Does not look at the token's use (access or refresh).
   *
   * @param token the compact JWT
   * @return the verified claims
   * @throws AuthenticationException with the reason of the first failed check
   */
  JWTClaimsSet verify(String token) {
    return verifier.verify(token);
  }

  private JWSVerifier verifierFor(JWSHeader header) {
    JWSVerifier found = keys.verifier(header.getKeyID());
    if (found == null) {
      throw new AuthenticationException(
          Reason.UNKNOWN_KEY,
          "Token signing key is unknown or was rotated out more than "
              + settings.rotationGrace()
              + " ago; request a new token.");
    }
    return found;
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
}
