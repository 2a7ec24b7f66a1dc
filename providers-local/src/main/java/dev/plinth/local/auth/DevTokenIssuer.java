package dev.plinth.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.plinth.auth.IssuedTokens;
import dev.plinth.auth.TokenIssuer;
import dev.plinth.auth.TokenRequest;
import dev.plinth.error.AuthenticationException;
import dev.plinth.error.AuthenticationException.Reason;
import dev.plinth.error.PlinthException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The dev provider's local token issuer: mints RS256 access tokens shaped like Microsoft Entra ID
 * v2 tokens, and signed refresh tokens that are rotated on use. Publishes its keys as JWKS and an
 * OpenID Connect discovery document, so any standard verifier can check its tokens. Obtain it with
 * {@code authenticator.unwrap(TokenIssuer.class)}. For development only.
 */
public final class DevTokenIssuer implements TokenIssuer {
  private final DevAuthSettings settings;
  private final SigningKeys keys;
  private final DevTokenVerifier verifier;
  private final DevClaims claims;
  private final RefreshTokenLedger ledger;
  private final Clock clock;

  DevTokenIssuer(
      DevAuthSettings settings, SigningKeys keys, DevTokenVerifier verifier, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.claims = new DevClaims(settings);
    this.ledger = new RefreshTokenLedger(clock);
  }

  @Override
  public String issuer() {
    return settings.issuer();
  }

  @Override
  public IssuedTokens issue(TokenRequest request) {
    return issueAt(Objects.requireNonNull(request, "request"), clock.instant());
  }

  @Override
  public IssuedTokens refresh(String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank()) {
      throw new AuthenticationException(Reason.MISSING, "No refresh token was presented.");
    }
    JWTClaimsSet presented = verifier.verify(refreshToken.trim());
    if (!DevClaims.REFRESH.equals(presented.getClaim(DevClaims.TOKEN_USE))) {
      throw new AuthenticationException(
          Reason.INVALID_TOKEN, "An access token was presented where a refresh token is needed.");
    }
    if (!ledger.markUsed(presented.getJWTID(), presented.getExpirationTime().toInstant())) {
      throw new AuthenticationException(
          Reason.INVALID_TOKEN,
          "Refresh token was already used (refresh tokens rotate); sign in again.");
    }
    return issue(RefreshGrant.toRequest(presented));
  }

  @Override
  public String jwksJson() {
    return keys.publicKeys().toString(true);
  }

  @Override
  public String discoveryJson(String jwksUri) {
    return DiscoveryDocument.json(settings, jwksUri);
  }

  @Override
  public String rotateKeys() {
    return keys.rotate();
  }

  /** Issues tokens as if the clock read {@code issuedAt}: lets tests mint expired tokens. */
  IssuedTokens issueAt(TokenRequest request, Instant when) {
    Instant issuedAt = when.truncatedTo(ChronoUnit.SECONDS); // JWT times are whole seconds
    Duration ttl = request.ttl() == null ? settings.tokenTtl() : request.ttl();
    JWTClaimsSet access = claims.access(request, issuedAt, ttl);
    String refresh = sign(claims.refresh(request, issuedAt));
    return new IssuedTokens(sign(access), refresh, access.getExpirationTime().toInstant());
  }

  /**
   * Signs claims with the current key.
   *
   * @param claimSet the claims
   * @return the compact JWS
   */
  String sign(JWTClaimsSet claimSet) {
    RSAKey key = keys.current();
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .type(JOSEObjectType.JWT)
            .keyID(key.getKeyID())
            .build();
    SignedJWT jwt = new SignedJWT(header, claimSet);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new PlinthException("The dev issuer could not sign a token.", e);
    }
    return jwt.serialize();
  }

  /** Returns the claim builder (for tests that need tokens with altered claims). */
  DevClaims claims() {
    return claims;
  }

  /** Returns the signing keys. */
  SigningKeys keys() {
    return keys;
  }
}
