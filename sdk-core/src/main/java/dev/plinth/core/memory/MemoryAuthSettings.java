package dev.plinth.core.memory;

import dev.plinth.auth.Principal;
import dev.plinth.config.PlinthConfig;
import dev.plinth.spi.ProviderContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Settings of the memory authenticator, read from {@code plinth.auth.memory.*}.
 *
 * @param issuer the {@code iss} written and required ({@code issuer}, default {@value
 *     #DEFAULT_ISSUER})
 * @param audience the {@code aud} written and required ({@code audience}, default {@value
 *     #DEFAULT_AUDIENCE})
 * @param clockSkew tolerance on {@code exp} and {@code iat} ({@code clock-skew}, default 60s)
 * @param accessTtl access-token lifetime ({@code token-ttl}, default 1h)
 * @param refreshTtl refresh-token lifetime ({@code refresh-ttl}, default 24h)
 * @param rotationGrace how long the previous key stays valid after a rotation ({@code
 *     rotation-grace}, default 5m)
 * @param staticTokens fixed tokens ({@code tokens}: {@code tokenA=alice:admin|user;tokenB=bob})
 */
public record MemoryAuthSettings(
    String issuer,
    String audience,
    Duration clockSkew,
    Duration accessTtl,
    Duration refreshTtl,
    Duration rotationGrace,
    Map<String, Principal> staticTokens) {
  /** The default issuer. */
  public static final String DEFAULT_ISSUER = "https://plinth.local/memory";

  /** The default audience. */
  public static final String DEFAULT_AUDIENCE = "api://plinth";

  /**
   * Copies the static tokens.
   *
   * @param issuer the issuer
   * @param audience the audience
   * @param clockSkew the skew
   * @param accessTtl the access lifetime
   * @param refreshTtl the refresh lifetime
   * @param rotationGrace the rotation grace
   * @param staticTokens the static tokens
   */
  public MemoryAuthSettings {
    staticTokens = Map.copyOf(staticTokens);
  }

  /**
   * Returns the defaults (no static tokens).
   *
   * @return the settings
   */
  public static MemoryAuthSettings defaults() {
    return new MemoryAuthSettings(
        DEFAULT_ISSUER,
        DEFAULT_AUDIENCE,
        Duration.ofSeconds(60),
        Duration.ofHours(1),
        Duration.ofHours(24),
        Duration.ofMinutes(5),
        Map.of());
  }

  /**
   * Reads the settings of a provider context.
   *
   * @param context the auth port's context
   * @return the settings
   * @throws dev.plinth.error.ConfigurationException naming the key of a malformed value
   */
  public static MemoryAuthSettings from(ProviderContext context) {
    PlinthConfig c = context.config();
    MemoryAuthSettings d = defaults();
    String tokensKey = context.key("memory.tokens");
    return new MemoryAuthSettings(
        c.getString(context.key("memory.issuer"), d.issuer()),
        c.getString(context.key("memory.audience"), d.audience()),
        c.getDuration(context.key("memory.clock-skew"), d.clockSkew()),
        c.getDuration(context.key("memory.token-ttl"), d.accessTtl()),
        c.getDuration(context.key("memory.refresh-ttl"), d.refreshTtl()),
        c.getDuration(context.key("memory.rotation-grace"), d.rotationGrace()),
        parseStaticTokens(tokensKey, c.getString(tokensKey, "")));
  }

  /**
   * Parses {@code tokenA=alice:admin|user;tokenB=bob:viewer}.
   *
   * @param key the key, for errors (its value is never echoed: it holds tokens)
   * @param text the value
   * @return token to principal
   */
  static Map<String, Principal> parseStaticTokens(String key, String text) {
    Map<String, Principal> tokens = new LinkedHashMap<>();
    for (String entry : text.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      String token = eq < 0 ? "" : entry.substring(0, eq).trim();
      String[] who = eq < 0 ? new String[0] : entry.substring(eq + 1).trim().split(":", 2);
      if (token.isEmpty() || who.length == 0 || who[0].isBlank()) {
        throw PlinthConfig.invalid(
            key, text, "entries 'token=subject:role1|role2' separated by ';'");
      }
      Set<String> roles =
          who.length > 1 && !who[1].isBlank()
              ? new HashSet<>(Arrays.asList(who[1].trim().split("\\|")))
              : Set.of();
      tokens.put(
          token,
          new Principal(
              who[0].trim(),
              who[0].trim(),
              null,
              null,
              Principal.Kind.USER,
              roles,
              Set.of(),
              Set.of(),
              false,
              null,
              Map.of("sub", who[0].trim(), "static", true)));
    }
    return tokens;
  }
}
