package dev.plinth.local.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.auth.AuthCapabilities;
import dev.plinth.auth.Principal;
import dev.plinth.core.auth.EntraClaims;
import dev.plinth.core.auth.RoleMapping;
import dev.plinth.error.AuthenticationException;
import dev.plinth.error.AuthenticationException.Reason;
import dev.plinth.spi.auth.AuthenticatorDriver;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticator driver of the {@code dev} provider: accepts the fixed development tokens and RS256
 * tokens of its own {@link DevTokenIssuer}, which {@link #nativeClient()} returns so that {@code
 * auth.unwrap(TokenIssuer.class)} works.
 */
public final class DevAuthenticatorDriver implements AuthenticatorDriver {
  private static final Capabilities CAPABILITIES =
      Capabilities.builder().feature(AuthCapabilities.TOKEN_ISSUER).build();

  private final DevAuthSettings settings;
  private final SigningKeys keys;
  private final DevTokenVerifier verifier;
  private final DevTokenIssuer issuer;
  private final RoleMapping roleMapping;
  private final DevClaims claims;

  /**
   * Creates the driver, loading or generating its signing keys.
   *
   * @param settings the provider settings
   * @param clock the clock used for token lifetimes and key rotation
   */
  public DevAuthenticatorDriver(DevAuthSettings settings, Clock clock) {
    this.settings = settings;
    this.keys =
        new SigningKeys(clock, settings.rotationGrace(), settings.keyDir().map(KeyFile::new));
    this.verifier = new DevTokenVerifier(settings, keys, clock);
    this.issuer = new DevTokenIssuer(settings, keys, verifier, clock);
    this.roleMapping = settings.roleMapping();
    this.claims = new DevClaims(settings);
  }

  @Override
  public Principal authenticate(String token) {
    Optional<FixedDevTokens.Entry> fixed = settings.fixedTokens().find(token);
    if (fixed.isPresent()) {
      return fixedPrincipal(fixed.get());
    }
    JWTClaimsSet verified = verifier.verify(token);
    if (verified.getClaim(DevClaims.TOKEN_USE) != null) {
      throw new AuthenticationException(
          Reason.INVALID_TOKEN,
          "A refresh token was presented as an access token; exchange it with refresh().");
    }
    return EntraClaims.toPrincipal(verified.toJSONObject(), roleMapping);
  }

  private Principal fixedPrincipal(FixedDevTokens.Entry entry) {
    return new Principal(
        entry.subject(),
        entry.subject(),
        null,
        settings.tenantId(),
        Principal.Kind.USER,
        settings.roleMapping().apply(entry.roles()),
        null,
        null,
        false,
        null,
        Map.of(
            "sub", claims.pairwiseSubject(entry.subject()),
            "oid", entry.subject(),
            "tid", settings.tenantId(),
            "roles", entry.roles(),
            "dev_token", true));
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public Health health() {
    return Health.up("dev issuer " + settings.issuer())
        .withData(
            Map.of(
                "signingKeys", keys.size(),
                "fixedTokens", settings.fixedTokens().size(),
                "persistentKeys", settings.keyDir().isPresent()));
  }

  @Override
  public Object nativeClient() {
    return issuer;
  }

  /**
   * Returns the token issuer (also reachable through {@link #nativeClient()}).
   *
   * @return the issuer
   */
  public DevTokenIssuer issuer() {
    return issuer;
  }

  @Override
  public void close() {
    // Nothing to release: keys live in memory or were already saved on creation and rotation.
  }
}
