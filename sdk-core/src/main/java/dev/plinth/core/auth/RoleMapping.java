package dev.plinth.core.auth;

import dev.plinth.error.ConfigurationException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Maps token roles (for example Entra app roles such as {@code Platform.Admin}) to Plinth roles
 * ({@code admin}, {@code user}, {@code viewer}). Roles without a mapping pass through unchanged, so
 * tokens that already carry Plinth role names need no configuration.
 */
public final class RoleMapping {
  /** The configuration key, e.g. {@code Platform.Admin=admin,Platform.User=user}. */
  public static final String KEY = "plinth.auth.roles.mapping";

  private static final RoleMapping IDENTITY = new RoleMapping(Map.of());

  private final Map<String, String> mapping;

  private RoleMapping(Map<String, String> mapping) {
    this.mapping = Map.copyOf(mapping);
  }

  /**
   * Returns the mapping that keeps every role as it is.
   *
   * @return the identity mapping
   */
  public static RoleMapping identity() {
    return IDENTITY;
  }

  /**
   * Parses {@code TokenRole=plinthRole} pairs separated by commas.
   *
   * @param text the configured value, or null / blank for the identity mapping
   * @return the mapping
   * @throws ConfigurationException naming {@link #KEY} if a pair is malformed
   */
  public static RoleMapping parse(String text) {
    if (text == null || text.isBlank()) {
      return IDENTITY;
    }
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String pair : text.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String from = eq < 0 ? "" : pair.substring(0, eq).trim();
      String to = eq < 0 ? "" : pair.substring(eq + 1).trim();
      if (from.isEmpty() || to.isEmpty()) {
        throw new ConfigurationException(
            KEY,
            "Invalid role mapping entry '"
                + pair.trim()
                + "' in '"
                + KEY
                + "' (PLINTH_AUTH_ROLES_MAPPING): expected TokenRole=plinthRole pairs separated by"
                + " commas. Example: PLINTH_AUTH_ROLES_MAPPING=Platform.Admin=admin,Platform.User=user");
      }
      pairs.put(from, to);
    }
    return new RoleMapping(pairs);
  }

  /**
   * Maps roles.
   *
   * @param roles the roles found in a token
   * @return the Plinth roles, in token order
   */
  public Set<String> apply(Iterable<String> roles) {
    Set<String> mapped = new LinkedHashSet<>();
    for (String role : roles) {
      mapped.add(mapping.getOrDefault(role, role));
    }
    return mapped;
  }

  @Override
  public String toString() {
    return "RoleMapping" + mapping;
  }
}
