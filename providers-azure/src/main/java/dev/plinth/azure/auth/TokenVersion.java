package dev.plinth.azure.auth;

import dev.plinth.error.ConfigurationException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The two access-token formats of Microsoft Entra ID, which differ in their issuer: v1 tokens are
 * issued by {@code https://sts.windows.net/{tid}/}, v2 tokens by {@code {authority}/{tid}/v2.0}.
 */
public enum TokenVersion {
  /** Azure AD v1.0 tokens ({@code ver=1.0}). */
  V1,
  /** Microsoft identity platform v2.0 tokens ({@code ver=2.0}). */
  V2;

  /** The issuer prefix of v1 tokens in the public cloud. */
  static final String V1_ISSUER_BASE = "https://sts.windows.net/";

  /**
   * Returns the issuer a token of this version from a tenant carries.
   *
   * @param authority the configured authority, without trailing slash
   * @param tenantId the tenant GUID
   * @return the expected {@code iss}
   */
  String issuer(String authority, String tenantId) {
    return this == V1 ? V1_ISSUER_BASE + tenantId + "/" : authority + "/" + tenantId + "/v2.0";
  }

  /**
   * Parses a comma-separated list such as {@code v1,v2}.
   *
   * @param key the configuration key, for the error
   * @param text the configured text
   * @return the versions, never empty
   * @throws ConfigurationException if a value is not {@code v1} or {@code v2}
   */
  static Set<TokenVersion> parseList(String key, String text) {
    Set<TokenVersion> versions = EnumSet.noneOf(TokenVersion.class);
    for (String part : text.split(",")) {
      String v = part.trim().toLowerCase(Locale.ROOT);
      switch (v) {
        case "v1", "1", "1.0" -> versions.add(V1);
        case "v2", "2", "2.0" -> versions.add(V2);
        case "" -> {
          // tolerate "v1,,v2" and a trailing comma
        }
        default -> throw invalid(key, part.trim());
      }
    }
    if (versions.isEmpty()) {
      throw invalid(key, text);
    }
    return versions;
  }

  private static ConfigurationException invalid(String key, String value) {
    return new ConfigurationException(
        key,
        "Invalid token version '"
            + value
            + "' in '"
            + key
            + "' (PLINTH_AUTH_ENTRA_ID_ACCEPTED_VERSIONS): expected v1, v2 or both."
            + " Example: PLINTH_AUTH_ENTRA_ID_ACCEPTED_VERSIONS=v2");
  }
}
