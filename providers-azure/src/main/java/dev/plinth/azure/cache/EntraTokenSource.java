package dev.plinth.azure.cache;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.DefaultAzureCredentialBuilder;
import java.util.Objects;

/**
 * Where the {@code azure-redis} provider gets Microsoft Entra ID access tokens for Redis. Called
 * once at startup and again each time a token reaches the refresh ratio of its lifetime; tests
 * replace it with a fake that issues short-lived tokens.
 */
@FunctionalInterface
public interface EntraTokenSource {

  /** The OAuth scope of Azure Cache for Redis and Azure Managed Redis. */
  String REDIS_SCOPE = "https://redis.azure.com/.default";

  /**
   * Fetches a token for {@link #REDIS_SCOPE}.
   *
   * @return a token and its expiry
   * @throws RuntimeException if no token can be obtained
   */
  AccessToken fetchToken();

  /**
   * Returns a source backed by an Azure credential.
   *
   * @param credential the credential, e.g. a managed identity
   * @return the source
   */
  static EntraTokenSource of(TokenCredential credential) {
    Objects.requireNonNull(credential, "credential");
    TokenRequestContext request = new TokenRequestContext().addScopes(REDIS_SCOPE);
    return () -> credential.getTokenSync(request);
  }

  /**
   * Returns a source backed by {@code DefaultAzureCredential}: environment, workload identity,
   * managed identity, then developer logins (Azure CLI, azd, ...).
   *
   * @return the source
   */
  static EntraTokenSource defaultAzureCredential() {
    return of(new DefaultAzureCredentialBuilder().build());
  }
}
