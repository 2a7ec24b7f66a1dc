package dev.plinth.redis;

import java.util.Objects;

/**
 * The configuration keys of one Redis-backed provider, so that shared error messages name keys the
 * provider really has: {@code redis} reads a URL and a password, {@code azure-redis} a host, a port
 * and an access key or an Entra identity.
 *
 * @param prefix the provider's prefix, e.g. {@code plinth.cache.redis}
 * @param address the keys holding the server's address, e.g. {@code plinth.cache.redis.url}
 * @param credentialKey the key a rejected login is reported under
 * @param credentials what to check when the server rejects the login
 */
public record RedisKeys(String prefix, String address, String credentialKey, String credentials) {

  /**
   * Validates the keys.
   *
   * @param prefix the prefix
   * @param address the address keys
   * @param credentialKey the credential key
   * @param credentials the credential keys to check
   */
  public RedisKeys {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(credentialKey, "credentialKey");
    Objects.requireNonNull(credentials, "credentials");
  }

  /**
   * Returns the keys of a provider configured by URL ({@code <prefix>.url}, {@code .user}, {@code
   * .password}), as {@code redis} is.
   *
   * @param prefix the prefix, e.g. {@code plinth.cache.redis}
   * @return the keys
   */
  public static RedisKeys urlStyle(String prefix) {
    return new RedisKeys(
        prefix,
        prefix + ".url",
        prefix + ".password",
        prefix
            + ".user and "
            + prefix
            + ".password (or the user:password part of "
            + prefix
            + ".url)");
  }
}
