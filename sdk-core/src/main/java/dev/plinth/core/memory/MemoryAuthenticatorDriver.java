package dev.plinth.core.memory;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.auth.AuthCapabilities;
import dev.plinth.auth.IssuedTokens;
import dev.plinth.auth.Principal;
import dev.plinth.auth.TokenIssuer;
import dev.plinth.auth.TokenRequest;
import dev.plinth.error.AuthenticationException;
import dev.plinth.error.AuthenticationException.Reason;
import dev.plinth.spi.auth.AuthenticatorDriver;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code memory} authenticator: issues and verifies HMAC-SHA256 tokens with a random
 * per-instance secret ({@link MemoryTokenFormat}), plus optional static tokens. It checks
 * algorithm, key, signature, token type, expiry (with clock skew), issuer and audience, like a real
 * JWT verifier, so tests exercise every refusal reason without a network.
 */
public final class MemoryAuthenticatorDriver implements AuthenticatorDriver, TokenIssuer {
  static final String ACCESS = "access";
  static final String REFRESH = "refresh";

  private final MemoryAuthSettings settings;
  private final Clock clock;
  private final MemorySigningKeys keys;
  private final Set<String> usedRefreshIds = ConcurrentHashMap.newKeySet();

  /**
   * Creates a driver.
   *
   * @param settings the settings
   * @param clock the clock used for issuing, expiry and key rotation
   */
  public MemoryAuthenticatorDriver(MemoryAuthSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.keys = new MemorySigningKeys(clock, settings.rotationGrace());
  }

  @Override
  public Principal authenticate(String token) {
    Principal fixed = settings.staticTokens().get(token);
    if (fixed != null) {
      return fixed;
    }
    return MemoryClaims.toPrincipal(verify(token, ACCESS));
  }

  private Map<String, String> verify(String token, String expectedType) {
    MemoryTokenFormat.Parts parts;
    try {
      parts = MemoryTokenFormat.decode(token);
    } catch (IllegalArgumentException e) {
      throw refuse(Reason.MALFORMED, "The token is not a well-formed memory token");
    }
    String alg = parts.header().get("alg");
    if (!MemorySigningKeys.ALGORITHM.equals(alg)) {
      throw refuse(
          Reason.UNSUPPORTED_ALGORITHM,
          "The token's algorithm '" + alg + "' is not accepted; only HS256 is");
    }
    if (!keys.verify(parts.header().get("kid"), parts.signedPart(), parts.signature())) {
      throw refuse(Reason.BAD_SIGNATURE, "The token's signature does not verify");
    }
    Map<String, String> claims = parts.claims();
    if (!expectedType.equals(claims.get("typ"))) {
      throw refuse(
          Reason.INVALID_TOKEN,
          "A "
              + claims.get("typ")
              + " token was presented where an "
              + expectedType
              + " token is required");
    }
    checkLifetime(claims);
    if (!settings.issuer().equals(claims.get("iss"))) {
      throw refuse(Reason.WRONG_ISSUER, "The token's issuer is not " + settings.issuer());
    }
    if (!settings.audience().equals(claims.get("aud"))) {
      throw refuse(Reason.WRONG_AUDIENCE, "The token's audience is not " + settings.audience());
    }
    return claims;
  }

  private void checkLifetime(Map<String, String> claims) {
    Instant now = clock.instant();
    Instant exp = MemoryClaims.epoch(claims, "exp");
    if (exp == null) {
      throw refuse(Reason.MALFORMED, "The token has no valid 'exp' claim");
    }
    if (now.isAfter(exp.plus(settings.clockSkew()))) {
      throw refuse(Reason.EXPIRED, "The token expired at " + exp + "; obtain a new one");
    }
    Instant iat = MemoryClaims.epoch(claims, "iat");
    if (iat != null && iat.isAfter(now.plus(settings.clockSkew()))) {
      throw refuse(Reason.NOT_YET_VALID, "The token was issued in the future (" + iat + ")");
    }
  }

  private static AuthenticationException refuse(Reason reason, String message) {
    return new AuthenticationException(reason, message);
  }

  @Override
  public String issuer() {
    return settings.issuer();
  }

  @Override
  public IssuedTokens issue(TokenRequest request) {
    return issueFor(MemoryClaims.identity(request));
  }

  private IssuedTokens issueFor(Map<String, String> identity) {
    Instant now = clock.instant();
    Instant expiresAt =
        now.plus(
            identity.containsKey("ttl")
                ? java.time.Duration.parse(identity.get("ttl"))
                : settings.accessTtl());
    Map<String, String> base = new LinkedHashMap<>(identity);
    base.remove("ttl");
    base.put("iss", settings.issuer());
    base.put("aud", settings.audience());
    base.put("iat", Long.toString(now.getEpochSecond()));
    Map<String, String> access = new LinkedHashMap<>(base);
    access.put("typ", ACCESS);
    access.put("exp", Long.toString(expiresAt.getEpochSecond()));
    access.put("jti", UUID.randomUUID().toString());
    Map<String, String> refresh = new LinkedHashMap<>(base);
    refresh.put("typ", REFRESH);
    refresh.put("exp", Long.toString(now.plus(settings.refreshTtl()).getEpochSecond()));
    refresh.put("jti", UUID.randomUUID().toString());
    return new IssuedTokens(
        keys.sign(access), keys.sign(refresh), Instant.ofEpochSecond(expiresAt.getEpochSecond()));
  }

  @Override
  public IssuedTokens refresh(String refreshToken) {
    String token = refreshToken == null ? "" : refreshToken.strip();
    if (token.isEmpty()) {
      throw refuse(Reason.MISSING, "No refresh token was presented");
    }
    Map<String, String> claims = verify(token, REFRESH);
    if (!usedRefreshIds.add(claims.getOrDefault("jti", ""))) {
      throw refuse(Reason.INVALID_TOKEN, "The refresh token was already used; sign in again");
    }
    return issueFor(MemoryClaims.identityOf(claims));
  }

  /**
   * Signs arbitrary claims with the current key, exactly as given (no {@code iss}, {@code exp} or
   * {@code typ} added). For tests that need tokens a real issuer would never mint, such as expired
   * or wrong-audience ones.
   *
   * @param claims the claims, e.g. {@code sub}, {@code typ=access}, {@code exp} in epoch seconds
   * @return the signed token
   */
  public String signClaims(Map<String, String> claims) {
    return keys.sign(claims);
  }

  @Override
  public String jwksJson() {
    return "{\"keys\":[],\"note\":\"The memory issuer signs with HMAC (HS256) and has no public"
        + " keys; only this process can verify its tokens.\"}";
  }

  @Override
  public String discoveryJson(String jwksUri) {
    return "{\"issuer\":\""
        + MemoryClaims.jsonEscape(settings.issuer())
        + "\",\"jwks_uri\":\""
        + MemoryClaims.jsonEscape(jwksUri)
        + "\",\"id_token_signing_alg_values_supported\":[\"HS256\"]}";
  }

  @Override
  public String rotateKeys() {
    return keys.rotate();
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.builder().feature(AuthCapabilities.TOKEN_ISSUER).build();
  }

  @Override
  public Health health() {
    return Health.up("memory issuer " + settings.issuer());
  }

  @Override
  public Object nativeClient() {
    return this;
  }

  /** Nothing to release. */
  @Override
  public void close() {}

  @Override
  public String toString() {
    return "MemoryAuthenticatorDriver{issuer=" + settings.issuer() + '}';
  }
}
