package dev.plinth.local.auth;

import dev.plinth.config.PlinthConfig;
import dev.plinth.core.auth.RoleMapping;
import dev.plinth.error.ConfigurationException;
import dev.plinth.spi.ProviderContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the {@code dev} auth provider, read from {@code plinth.auth.dev.*}.
 *
 * @param issuer the {@code iss} of minted tokens ({@code plinth.auth.dev.issuer})
 * @param audience the {@code aud} of minted tokens and the only accepted audience ({@code
 *     plinth.auth.dev.audience})
 * @param tenantId the {@code tid} of minted tokens ({@code plinth.auth.dev.tenant-id})
 * @param clientId the {@code azp} of user tokens ({@code plinth.auth.dev.client-id})
 * @param tokenTtl default access-token lifetime ({@code plinth.auth.dev.token-ttl})
 * @param refreshTtl refresh-token lifetime ({@code plinth.auth.dev.refresh-ttl})
 * @param rotationGrace how long the previous key still verifies after a rotation ({@code
 *     plinth.auth.dev.rotation-grace})
 * @param clockSkew tolerance on {@code exp}, {@code nbf} and {@code iat} ({@code
 *     plinth.auth.dev.clock-skew})
 * @param groupsLimit above this many groups a token carries a groups overage instead of the list,
 *     as Entra ID does ({@code plinth.auth.dev.groups-limit})
 * @param keyDir where signing keys are kept across restarts ({@code plinth.auth.dev.key-dir}), or
 *     empty to keep them in memory
 * @param fixedTokens static development tokens ({@code plinth.auth.dev.tokens})
 * @param roleMapping token role to Plinth role ({@code plinth.auth.roles.mapping})
 */
public record DevAuthSettings(
    String issuer,
    String audience,
    String tenantId,
    String clientId,
    Duration tokenTtl,
    Duration refreshTtl,
    Duration rotationGrace,
    Duration clockSkew,
    int groupsLimit,
    Optional<Path> keyDir,
    FixedDevTokens fixedTokens,
    RoleMapping roleMapping) {

  /** The tenant id used when none is configured. */
  public static final String DEFAULT_TENANT_ID = "7f1c9e2a-4b3d-4e5f-8a6b-0c1d2e3f4a5b";

  /** The {@code azp} of user tokens when none is configured. */
  public static final String DEFAULT_CLIENT_ID = "0d3c2b1a-9f8e-4d7c-8b6a-5f4e3d2c1b0a";

  /** The audience used when none is configured. */
  public static final String DEFAULT_AUDIENCE = "api://plinth";

  /**
   * Validates the settings.
   *
   * @param issuer the issuer
   * @param audience the audience
   * @param tenantId the tenant
   * @param clientId the client id
   * @param tokenTtl the access-token lifetime
   * @param refreshTtl the refresh-token lifetime
   * @param rotationGrace the rotation grace period
   * @param clockSkew the clock skew
   * @param groupsLimit the groups overage threshold
   * @param keyDir the key directory
   * @param fixedTokens the fixed tokens
   * @param roleMapping the role mapping
   */
  public DevAuthSettings {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(clientId, "clientId");
    positive("plinth.auth.dev.token-ttl", tokenTtl);
    positive("plinth.auth.dev.refresh-ttl", refreshTtl);
    notNegative("plinth.auth.dev.rotation-grace", rotationGrace);
    notNegative("plinth.auth.dev.clock-skew", clockSkew);
    keyDir = keyDir == null ? Optional.empty() : keyDir;
    fixedTokens = fixedTokens == null ? FixedDevTokens.parse(null) : fixedTokens;
    roleMapping = roleMapping == null ? RoleMapping.identity() : roleMapping;
  }

  /**
   * Returns the defaults: keys in memory, no fixed tokens, identity role mapping.
   *
   * @return the default settings
   */
  public static DevAuthSettings defaults() {
    return new DevAuthSettings(
        defaultIssuer(DEFAULT_TENANT_ID),
        DEFAULT_AUDIENCE,
        DEFAULT_TENANT_ID,
        DEFAULT_CLIENT_ID,
        Duration.ofHours(1),
        Duration.ofHours(8),
        Duration.ofMinutes(10),
        Duration.ofSeconds(60),
        200,
        Optional.empty(),
        null,
        null);
  }

  /**
   * Reads the settings of the auth port.
   *
   * @param context the provider context of the {@code auth} port
   * @return the settings
   * @throws ConfigurationException naming the key if a value is malformed
   */
  public static DevAuthSettings from(ProviderContext context) {
    PlinthConfig config = context.config();
    DevAuthSettings d = defaults();
    String tenant = config.getString(context.key("dev.tenant-id"), DEFAULT_TENANT_ID);
    return new DevAuthSettings(
        config.getString(context.key("dev.issuer"), defaultIssuer(tenant)),
        config.getString(context.key("dev.audience"), d.audience()),
        tenant,
        config.getString(context.key("dev.client-id"), d.clientId()),
        config.getDuration(context.key("dev.token-ttl"), d.tokenTtl()),
        config.getDuration(context.key("dev.refresh-ttl"), d.refreshTtl()),
        config.getDuration(context.key("dev.rotation-grace"), d.rotationGrace()),
        config.getDuration(context.key("dev.clock-skew"), d.clockSkew()),
        config.getInt(context.key("dev.groups-limit"), d.groupsLimit()),
        context.get("dev.key-dir").filter(v -> !v.isBlank()).map(Path::of),
        FixedDevTokens.parse(config.get(FixedDevTokens.KEY).orElse(null)),
        RoleMapping.parse(config.get(RoleMapping.KEY).orElse(null)));
  }

  /**
   * Returns the default issuer of a tenant, shaped like an Entra ID v2 issuer.
   *
   * @param tenant the tenant id
   * @return {@code http://localhost:9080/dev-issuer/<tenant>/v2.0}
   */
  public static String defaultIssuer(String tenant) {
    return "http://localhost:9080/dev-issuer/" + tenant + "/v2.0";
  }

  private static void positive(String key, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new ConfigurationException(
          key, "'" + key + "' must be a positive duration such as 30s, 5m or 1h; got " + value);
    }
  }

  private static void notNegative(String key, Duration value) {
    if (value == null || value.isNegative()) {
      throw new ConfigurationException(
          key, "'" + key + "' must be a duration of zero or more such as 0s or 10m; got " + value);
    }
  }
}
