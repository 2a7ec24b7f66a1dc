/**
 * The {@code entra-id} auth provider ({@code PLINTH_AUTH_PROVIDER=entra-id}, the default of the
 * {@code azure} profile): verifies Microsoft Entra ID v1 and v2 access tokens with Nimbus JOSE+JWT
 * against keys found through OpenID Connect discovery, and maps their claims to a {@link
 * dev.plinth.auth.Principal} the same way as the {@code dev} provider.
 *
 * <p>Settings ({@code plinth.auth.entra-id.*}, environment {@code PLINTH_AUTH_ENTRA_ID_*}): {@code
 * tenant-id} (required), {@code client-id} (required), {@code app-id-uri}, {@code allowed-tenants}
 * (required when multi-tenant), {@code authority}, {@code accepted-versions}, {@code algorithms},
 * {@code clock-skew}, {@code jwks-refresh-min-interval}, {@code jwks-cache-ttl}, {@code
 * http-timeout}; plus {@code plinth.auth.roles.mapping}. The table with defaults is in {@code
 * providers-azure/README-entra-id.md}.
 */
package dev.plinth.azure.auth;
