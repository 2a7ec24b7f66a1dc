package dev.plinth.azure.cache;

import com.azure.core.credential.AccessToken;
import com.nimbusds.jwt.JWTParser;
import dev.plinth.error.ConfigurationException;
import java.text.ParseException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.authentication.core.IdentityProvider;
import redis.clients.authentication.core.SimpleToken;
import redis.clients.authentication.core.Token;

/**
 * Adapts an {@link EntraTokenSource} to the token manager Jedis uses to renew tokens and
 * re-authenticate connections. The Redis user is the configured one, else the token's {@code oid}
 * claim (the object id Azure expects as user name). Token values are never logged or put in
 * messages.
 */
final class EntraIdentityProvider implements IdentityProvider {
  private final EntraTokenSource source;
  private final String configuredUser;
  private final AtomicLong tokensIssued = new AtomicLong();

  /**
   * Creates the adapter.
   *
   * @param source where tokens come from
   * @param configuredUser the object id to authenticate as, or null to read the {@code oid} claim
   */
  EntraIdentityProvider(EntraTokenSource source, String configuredUser) {
    this.source = Objects.requireNonNull(source, "source");
    this.configuredUser = configuredUser;
  }

  @Override
  public Token requestToken() {
    AccessToken token = source.fetchToken();
    if (token == null || token.getToken() == null || token.getExpiresAt() == null) {
      throw new IllegalStateException("The Entra token source returned no token");
    }
    String user = configuredUser != null ? configuredUser : objectIdOf(token.getToken());
    tokensIssued.incrementAndGet();
    return new SimpleToken(
        user,
        token.getToken(),
        token.getExpiresAt().toInstant().toEpochMilli(),
        System.currentTimeMillis(),
        Map.of("oid", user));
  }

  /**
   * Returns how many tokens this provider has handed out (startup plus renewals).
   *
   * @return the count
   */
  long tokensIssued() {
    return tokensIssued.get();
  }

  // Azure authenticates "AUTH <object id> <token>"; the oid claim of the token is that object id.
  // The token is only parsed, not verified: the Redis server verifies it.
  static String objectIdOf(String accessToken) {
    String oid;
    try {
      oid = JWTParser.parse(accessToken).getJWTClaimsSet().getStringClaim("oid");
    } catch (ParseException e) {
      oid = null;
    }
    if (oid == null || oid.isBlank()) {
      String key = AzureRedisConfig.key("user");
      throw new ConfigurationException(
          key,
          "The Entra access token has no 'oid' claim to use as the Redis user name. Set '"
              + key
              + "' (environment variable PLINTH_CACHE_AZURE_REDIS_USER) to the object id of the"
              + " identity, e.g. PLINTH_CACHE_AZURE_REDIS_USER=00000000-0000-0000-0000-000000000000");
    }
    return oid;
  }
}
