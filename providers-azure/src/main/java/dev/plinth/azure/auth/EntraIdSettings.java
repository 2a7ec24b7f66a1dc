package dev.plinth.azure.auth;

import dev.plinth.core.auth.RoleMapping;
import java.time.Duration;
import java.util.Set;

/**
 * Settings of the {@code entra-id} auth provider, read from {@code plinth.auth.entra-id.*} by
 * {@link EntraIdSettingsReader}.
 *
 * @param tenant the tenant GUID, or {@code organizations} / {@code common} for a multi-tenant app
 * @param clientId the application (client) id, an accepted audience
 * @param appIdUri the App ID URI (e.g. {@code api://plinth}), also accepted as audience, or null
 * @param allowedTenants tenant GUIDs accepted by a multi-tenant app (empty for a single tenant)
 * @param authority the login authority without trailing slash, e.g. {@code
 *     https://login.microsoftonline.com}
 * @param acceptedVersions the token versions (issuer forms) accepted
 * @param algorithms the accepted JWS algorithm names (RSA only)
 * @param clockSkew tolerance on {@code exp} and {@code nbf}
 * @param jwksRefreshMinInterval the minimum time between two key-set fetches
 * @param jwksCacheTtl how long fetched keys are used before a scheduled refresh
 * @param httpTimeout connect and request timeout of discovery and key-set fetches
 * @param roleMapping token role to Plinth role
 */
record EntraIdSettings(
    String tenant,
    String clientId,
    String appIdUri,
    Set<String> allowedTenants,
    String authority,
    Set<TokenVersion> acceptedVersions,
    Set<String> algorithms,
    Duration clockSkew,
    Duration jwksRefreshMinInterval,
    Duration jwksCacheTtl,
    Duration httpTimeout,
    RoleMapping roleMapping) {

  /** The public-cloud authority. */
  static final String DEFAULT_AUTHORITY = "https://login.microsoftonline.com";

  /** Tenant aliases that make an app multi-tenant. */
  static final Set<String> MULTI_TENANT_ALIASES = Set.of("organizations", "common");

  EntraIdSettings {
    allowedTenants = Set.copyOf(allowedTenants);
    acceptedVersions = Set.copyOf(acceptedVersions);
    algorithms = Set.copyOf(algorithms);
  }

  /**
   * Tells whether tokens of several tenants are accepted.
   *
   * @return true for {@code organizations} or {@code common}
   */
  boolean multiTenant() {
    return MULTI_TENANT_ALIASES.contains(tenant);
  }

  /**
   * Returns the OpenID Connect discovery document URL of the configured tenant.
   *
   * @return {@code {authority}/{tenant}/v2.0/.well-known/openid-configuration}
   */
  String discoveryUrl() {
    return authority + "/" + tenant + "/v2.0/.well-known/openid-configuration";
  }

  /**
   * Tells whether an audience names this application.
   *
   * @param audience one {@code aud} value
   * @return true for the client id or the App ID URI
   */
  boolean acceptsAudience(String audience) {
    return clientId.equals(audience) || (appIdUri != null && appIdUri.equals(audience));
  }
}
