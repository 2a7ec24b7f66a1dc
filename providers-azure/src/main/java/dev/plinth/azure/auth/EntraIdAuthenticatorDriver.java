package dev.plinth.azure.auth;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.auth.AuthCapabilities;
import dev.plinth.auth.Principal;
import dev.plinth.core.auth.EntraClaims;
import dev.plinth.core.auth.RoleMapping;
import dev.plinth.spi.auth.AuthenticatorDriver;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Authenticator driver of the {@code entra-id} provider: verifies Microsoft Entra ID access tokens
 * against the tenant's published signing keys (OIDC discovery + JWKS, cached and refreshed on an
 * unknown key id) and maps their claims to a {@link Principal}. Nothing is fetched until the first
 * token, so the platform starts even while the issuer is briefly unreachable.
 */
public final class EntraIdAuthenticatorDriver implements AuthenticatorDriver {
  private final EntraIdSettings settings;
  private final SigningKeyCache keys;
  private final EntraTokenVerifier verifier;
  private final RoleMapping roleMapping;
  private final Clock clock;
  private final Capabilities capabilities;

  /**
   * Creates the driver.
   *
   * @param settings validated settings
   * @param clock the clock for token lifetimes and key refresh intervals
   */
  EntraIdAuthenticatorDriver(EntraIdSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.keys =
        new SigningKeyCache(
            new OidcKeySource(settings.discoveryUrl(), settings.httpTimeout()),
            clock,
            settings.jwksRefreshMinInterval(),
            settings.jwksCacheTtl());
    this.verifier = new EntraTokenVerifier(settings, keys, new IssuerPolicy(settings), clock);
    this.roleMapping = settings.roleMapping();
    Capabilities.Builder builder = Capabilities.builder().feature(AuthCapabilities.REMOTE_JWKS);
    if (settings.multiTenant()) {
      builder.feature(AuthCapabilities.MULTI_TENANT);
    }
    this.capabilities = builder.build();
  }

  @Override
  public Principal authenticate(String token) {
    return EntraClaims.toPrincipal(verifier.verify(token).toJSONObject(), roleMapping);
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  /**
   * Reports the signing-key cache: UP, DEGRADED while last-good keys are served after a failed
   * refresh, DOWN when no key could ever be fetched. Never calls the issuer itself.
   */
  @Override
  public Health health() {
    Health health = keys.state().toHealth(clock.instant());
    return health.withData(withTenant(health));
  }

  private Map<String, Object> withTenant(Health health) {
    Map<String, Object> data = new LinkedHashMap<>(health.data());
    data.put("tenant", settings.tenant());
    return data;
  }

  /** There is no vendor client: returns the driver itself. */
  @Override
  public Object nativeClient() {
    return this;
  }

  @Override
  public void close() {
    // Nothing to release: the JDK HttpClient frees its resources when unreachable.
  }

  @Override
  public String toString() {
    return "EntraIdAuthenticatorDriver{tenant=" + settings.tenant() + '}';
  }
}
