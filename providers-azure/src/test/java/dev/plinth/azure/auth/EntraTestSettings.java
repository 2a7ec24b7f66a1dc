package dev.plinth.azure.auth;

import dev.plinth.spi.ProviderContext;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.telemetry.Telemetry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Builds drivers from {@code plinth.auth.entra-id.*} settings, as the provider would. */
public final class EntraTestSettings {
  /** The API's client id: the audience {@link MockEntraIssuer#token} issues tokens for. */
  public static final String CLIENT_ID = "6731de76-14a6-49ae-97bc-6eba6914391e";

  static final String APP_ID_URI = "api://plinth";
  static final String PREFIX = "plinth.auth.entra-id.";

  private EntraTestSettings() {}

  /**
   * Settings for a single-tenant app.
   *
   * @param authority the issuer's base URL
   * @param tenant the tenant GUID
   * @return mutable settings with full keys
   */
  static Map<String, String> singleTenant(String authority, String tenant) {
    Map<String, String> settings = new HashMap<>();
    settings.put(PREFIX + "tenant-id", tenant);
    settings.put(PREFIX + "client-id", CLIENT_ID);
    settings.put(PREFIX + "app-id-uri", APP_ID_URI);
    settings.put(PREFIX + "authority", authority);
    return settings;
  }

  static EntraIdSettings read(Map<String, String> settings) {
    return EntraIdSettingsReader.read(context(settings));
  }

  static ProviderContext context(Map<String, String> settings) {
    return new ProviderContext("auth", new MapPlinthConfig(settings), Telemetry.noop());
  }

  static EntraIdAuthenticatorDriver driver(Map<String, String> settings, Clock clock) {
    return new EntraIdAuthenticatorDriver(read(settings), clock);
  }

  static EntraIdAuthenticatorDriver driver(Map<String, String> settings) {
    return driver(settings, Clock.systemUTC());
  }
}
