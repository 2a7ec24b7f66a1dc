package dev.plinth.azure.storage;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/**
 * A {@link TokenCredential} that mints Entra ID-shaped access tokens for Azurite's {@code --oauth
 * basic}, which checks issuer, audience and lifetime but not the signature (so a random HMAC key
 * signs them). Stands in for {@code DefaultAzureCredential}; records the scopes it was asked for.
 */
final class EmulatorEntraCredential implements TokenCredential {
  /** The audience Azure Storage tokens carry. */
  static final String STORAGE_AUDIENCE = "https://storage.azure.com";

  private static final Duration LIFETIME = Duration.ofHours(1);

  private final String tenantId = UUID.randomUUID().toString();
  private final String objectId = UUID.randomUUID().toString();
  private final String issuer;
  private final MACSigner signer;
  private final List<String> scopes = new CopyOnWriteArrayList<>();

  private EmulatorEntraCredential(String issuer) {
    this.issuer = issuer != null ? issuer : "https://sts.windows.net/" + tenantId + "/";
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    try {
      this.signer = new MACSigner(secret);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns a credential whose tokens Azurite accepts (issuer {@code sts.windows.net/<tid>/}). */
  static EmulatorEntraCredential valid() {
    return new EmulatorEntraCredential(null);
  }

  /**
   * Returns a credential whose tokens name an issuer that is not Microsoft Entra ID.
   *
   * @param issuer the foreign issuer
   * @return the credential
   */
  static EmulatorEntraCredential issuedBy(String issuer) {
    return new EmulatorEntraCredential(issuer);
  }

  /** Returns the tenant id ({@code tid}) of every token. */
  String tenantId() {
    return tenantId;
  }

  /** Returns the object id ({@code oid}) of the identity every token names. */
  String objectId() {
    return objectId;
  }

  /** Returns every scope a token was requested for, in order. */
  List<String> requestedScopes() {
    return List.copyOf(scopes);
  }

  @Override
  public Mono<AccessToken> getToken(TokenRequestContext request) {
    return Mono.fromCallable(() -> mint(request));
  }

  private AccessToken mint(TokenRequestContext request) throws JOSEException {
    scopes.addAll(request.getScopes());
    Instant now = Instant.now();
    Instant expiry = now.plus(LIFETIME);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(STORAGE_AUDIENCE)
            .subject(objectId)
            .claim("tid", tenantId)
            .claim("oid", objectId)
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now.minus(Duration.ofMinutes(5))))
            .expirationTime(Date.from(expiry))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(signer);
    return new AccessToken(jwt.serialize(), OffsetDateTime.ofInstant(expiry, ZoneOffset.UTC));
  }
}
