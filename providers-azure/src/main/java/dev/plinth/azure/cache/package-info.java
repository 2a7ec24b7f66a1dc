/**
 * The {@code azure-redis} cache provider: Azure Cache for Redis and Azure Managed Redis on the
 * shared Redis driver, with passwordless Microsoft Entra ID authentication (tokens renewed and
 * connections re-authenticated before expiry) or an access key.
 */
package dev.plinth.azure.cache;
