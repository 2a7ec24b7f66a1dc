package dev.plinth.azure.auth;

import com.nimbusds.jose.JWSAlgorithm;
import dev.plinth.config.PlinthConfig;
import dev.plinth.core.auth.RoleMapping;
import dev.plinth.error.ConfigurationException;
import dev.plinth.spi.ProviderContext;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates {@link EntraIdSettings}, failing fast with a {@link ConfigurationException}
 * that names the key, its environment variable and an example.
 */
final class EntraIdSettingsReader {
  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final String EXAMPLE_TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final Set<JWSAlgorithm> RSA_ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512);

  private final ProviderContext context;
  private final PlinthConfig config;

  private EntraIdSettingsReader(ProviderContext context) {
    this.context = context;
    this.config = context.config();
  }

  /**
   * Reads the settings of the auth port.
   *
   * @param context the provider context of the {@code auth} port
   * @return the validated settings
   * @throws ConfigurationException naming the key if a value is missing or malformed
   */
  static EntraIdSettings read(ProviderContext context) {
    return new EntraIdSettingsReader(context).read();
  }

  private EntraIdSettings read() {
    String tenant = tenant();
    Set<String> allowed = allowedTenants(tenant);
    return new EntraIdSettings(
        tenant,
        config.require(key("client-id"), "00000000-0000-0000-0000-000000000000").trim(),
        config.get(key("app-id-uri")).map(String::trim).filter(v -> !v.isEmpty()).orElse(null),
        allowed,
        authority(),
        TokenVersion.parseList(key("accepted-versions"), string("accepted-versions", "v1,v2")),
        algorithms(),
        duration("clock-skew", Duration.ofSeconds(60), false),
        duration("jwks-refresh-min-interval", Duration.ofMinutes(5), false),
        duration("jwks-cache-ttl", Duration.ofHours(24), true),
        duration("http-timeout", Duration.ofSeconds(10), true),
        RoleMapping.parse(config.get(RoleMapping.KEY).orElse(null)));
  }

  private String tenant() {
    String tenant = config.require(key("tenant-id"), EXAMPLE_TENANT).trim();
    String lower = tenant.toLowerCase(Locale.ROOT);
    if (EntraIdSettings.MULTI_TENANT_ALIASES.contains(lower)) {
      return lower;
    }
    if (!GUID.matcher(tenant).matches()) {
      throw invalid(
          "tenant-id",
          tenant,
          "the directory (tenant) GUID, or 'organizations' / 'common' for a multi-tenant app",
          EXAMPLE_TENANT);
    }
    return lower;
  }

  private Set<String> allowedTenants(String tenant) {
    Set<String> allowed = new LinkedHashSet<>();
    for (String part : string("allowed-tenants", "").split(",")) {
      String id = part.trim().toLowerCase(Locale.ROOT);
      if (id.isEmpty()) {
        continue;
      }
      if (!GUID.matcher(id).matches()) {
        throw invalid("allowed-tenants", part.trim(), "tenant GUIDs separated by commas", guids());
      }
      allowed.add(id);
    }
    boolean multiTenant = EntraIdSettings.MULTI_TENANT_ALIASES.contains(tenant);
    if (multiTenant && allowed.isEmpty()) {
      throw new ConfigurationException(
          key("allowed-tenants"),
          "'"
              + key("tenant-id")
              + "' is '"
              + tenant
              + "' (multi-tenant), so '"
              + key("allowed-tenants")
              + "' ("
              + env("allowed-tenants")
              + ") must list the tenants whose tokens are accepted; without it any Entra tenant"
              + " could call the API. Example: "
              + env("allowed-tenants")
              + "="
              + guids());
    }
    if (!multiTenant && !allowed.isEmpty() && !allowed.equals(Set.of(tenant))) {
      throw new ConfigurationException(
          key("allowed-tenants"),
          "'"
              + key("allowed-tenants")
              + "' lists other tenants than '"
              + key("tenant-id")
              + "' ("
              + tenant
              + "), which is a single tenant. Set "
              + env("tenant-id")
              + "=organizations for a multi-tenant app, or remove "
              + env("allowed-tenants")
              + ".");
    }
    return allowed;
  }

  private String authority() {
    String text = string("authority", EntraIdSettings.DEFAULT_AUTHORITY);
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw invalid("authority", text, "an absolute https URL", EntraIdSettings.DEFAULT_AUTHORITY);
    }
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    // Plain http would let anyone on the path swap the signing keys; allow it only on loopback.
    boolean loopbackHttp = "http".equalsIgnoreCase(uri.getScheme()) && isLoopback(uri.getHost());
    if (uri.getHost() == null || !(https || loopbackHttp)) {
      throw invalid(
          "authority",
          text,
          "an absolute https URL (http only for localhost)",
          EntraIdSettings.DEFAULT_AUTHORITY);
    }
    return text;
  }

  private static boolean isLoopback(String host) {
    return "localhost".equalsIgnoreCase(host)
        || "127.0.0.1".equals(host)
        || "[::1]".equals(host)
        || "::1".equals(host);
  }

  private Set<String> algorithms() {
    Set<String> names = new LinkedHashSet<>();
    for (String part : string("algorithms", "RS256").split(",")) {
      String name = part.trim().toUpperCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      if (!RSA_ALGORITHMS.contains(JWSAlgorithm.parse(name))) {
        throw invalid(
            "algorithms",
            part.trim(),
            "RSA signature algorithms (RS256, RS384, RS512, PS256, PS384, PS512); 'none' and"
                + " HMAC are never accepted",
            "RS256");
      }
      names.add(name);
    }
    if (names.isEmpty()) {
      throw invalid("algorithms", "", "at least one RSA algorithm", "RS256");
    }
    return names;
  }

  private Duration duration(String name, Duration defaultValue, boolean positive) {
    Duration value = config.getDuration(key(name), defaultValue);
    if (value.isNegative() || (positive && value.isZero())) {
      throw invalid(name, value.toString(), "a positive duration such as 30s, 5m or 24h", "5m");
    }
    return value;
  }

  private String string(String name, String defaultValue) {
    return config.getString(key(name), defaultValue).trim();
  }

  private ConfigurationException invalid(
      String name, String value, String expected, String example) {
    return new ConfigurationException(
        key(name),
        "Invalid value '"
            + value
            + "' for '"
            + key(name)
            + "' ("
            + env(name)
            + "): expected "
            + expected
            + ". Example: "
            + env(name)
            + "="
            + example);
  }

  private static String guids() {
    return EXAMPLE_TENANT + ",f8cdef31-a31e-4b4a-93e4-5f571e91255a";
  }

  private String key(String name) {
    return context.key("entra-id." + name);
  }

  private String env(String name) {
    return PlinthConfig.envName(key(name));
  }
}
