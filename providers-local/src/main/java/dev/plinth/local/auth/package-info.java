/**
 * The {@code dev} auth provider ({@code PLINTH_AUTH_PROVIDER=dev}, the default of the {@code local}
 * profile): a local issuer of RS256 tokens shaped like Microsoft Entra ID v2 access tokens, and the
 * authenticator that verifies them. For development and tests only; it refuses to start under the
 * {@code azure} profile, where {@code entra-id} must be used.
 *
 * <p>Settings (environment variable in brackets):
 *
 * <ul>
 *   <li>{@code plinth.auth.dev.issuer} ({@code PLINTH_AUTH_DEV_ISSUER}): the {@code iss}; default
 *       {@code http://localhost:9080/dev-issuer/<tenant>/v2.0}
 *   <li>{@code plinth.auth.dev.audience}: the {@code aud} and only accepted audience; default
 *       {@code api://plinth}
 *   <li>{@code plinth.auth.dev.tenant-id}: the {@code tid}; default a fixed GUID
 *   <li>{@code plinth.auth.dev.client-id}: the {@code azp} of user tokens
 *   <li>{@code plinth.auth.dev.token-ttl} (1h), {@code plinth.auth.dev.refresh-ttl} (8h): lifetimes
 *   <li>{@code plinth.auth.dev.rotation-grace} (10m): how long tokens of the previous key verify
 *       after {@link dev.plinth.auth.TokenIssuer#rotateKeys()}
 *   <li>{@code plinth.auth.dev.clock-skew} (60s): tolerance on {@code exp}, {@code nbf}, {@code
 *       iat}
 *   <li>{@code plinth.auth.dev.groups-limit} (200): above it a token carries a groups overage
 *   <li>{@code plinth.auth.dev.key-dir}: keep signing keys in this directory so a restart keeps
 *       issued tokens valid; default in memory
 *   <li>{@code plinth.auth.dev.tokens} ({@code PLINTH_AUTH_DEV_TOKENS}): fixed tokens for quick
 *       {@code curl} use, {@code token=subject:role1|role2;token2=subject2:role}. They never expire
 *       and are not signed: <b>development only</b>, never put them in a shared environment.
 *   <li>{@code plinth.auth.roles.mapping} ({@code PLINTH_AUTH_ROLES_MAPPING}): token role to Plinth
 *       role, e.g. {@code Platform.Admin=admin,Platform.User=user}; unmapped roles pass through
 * </ul>
 *
 * <p>Example: {@code PLINTH_AUTH_DEV_TOKENS=dev-admin=alice:admin} then {@code curl -H
 * "Authorization: Bearer dev-admin" http://localhost:9080/api/v1/auth/me}.
 */
package dev.plinth.local.auth;
