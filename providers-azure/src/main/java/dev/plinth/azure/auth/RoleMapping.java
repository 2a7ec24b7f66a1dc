package dev.plinth.azure.auth;

import dev.plinth.error.ConfigurationException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Maps Entra app roles (for example {@code Platform.Admin}) to Plinth roles ({@code admin}, {@code
 * user}, {@code viewer}), configured as {@code plinth.auth.roles.mapping}. Unmapped roles pass
 * through unchanged, the same rule as the {@code dev} provider, so a token never loses a role.
 */
final class RoleMapping {
  /** The configuration key, e.g. {@code Platform.Admin=admin,Platform.User=user}. */
  static final String KEY = "plinth.auth.roles.mapping";

  private final Map<String, String> mapping;

  private RoleMapping(Map<String, String> mapping) {
    this.mapping = Map.copyOf(mapping);
  }

  /**
   * Parses {@code TokenRole=plinthRole} pairs separated by commas.
   *
   * @param text the configured value, or null / blank for the identity mapping
   * @return the mapping
   * @throws ConfigurationException naming {@link #KEY} if a pair is malformed
   */
  static RoleMapping parse(String text) {
    Map<String, String> pairs = new LinkedHashMap<>();
    if (text != null) {
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
                  + "' (PLINTH_AUTH_ROLES_MAPPING): expected TokenRole=plinthRole pairs separated"
                  + " by commas. Example:"
                  + " PLINTH_AUTH_ROLES_MAPPING=Platform.Admin=admin,Platform.User=user");
        }
        pairs.put(from, to);
      }
    }
    return new RoleMapping(pairs);
  }

  /**
   * Maps roles.
   *
   * @param roles the roles found in a token
   * @return the Plinth roles, in token order
   */
  Set<String> apply(Iterable<String> roles) {
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
