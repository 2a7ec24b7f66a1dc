package dev.plinth.azure.telemetry;

import dev.plinth.config.PlinthConfig;
import dev.plinth.error.ConfigurationException;
import dev.plinth.spi.ProviderContext;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The validated settings of the {@code app-insights} telemetry provider. The connection string is a
 * secret: {@link #toString()} never shows it and no error message repeats it.
 *
 * @param connectionString the Application Insights connection string
 * @param roleName the cloud role name (OpenTelemetry {@code service.name})
 * @param samplingRatio the share of traces kept, from 0 to 1
 * @param exportInterval how often metrics are exported (spans and logs at most every 5 s)
 * @param liveMetrics whether Live Metrics (QuickPulse) is enabled
 */
public record AppInsightsSettings(
    String connectionString,
    String roleName,
    double samplingRatio,
    Duration exportInterval,
    boolean liveMetrics) {

  /** The standard environment variable Azure tooling sets. */
  public static final String CONNECTION_STRING_ENV = "APPLICATIONINSIGHTS_CONNECTION_STRING";

  /** The default cloud role name. */
  public static final String DEFAULT_ROLE_NAME = "plinth";

  /** The default metric export interval. */
  public static final Duration DEFAULT_EXPORT_INTERVAL = Duration.ofSeconds(60);

  static final String PREFIX = "app-insights.";
  private static final String EXAMPLE =
      "InstrumentationKey=00000000-0000-0000-0000-000000000000;"
          + "IngestionEndpoint=https://<region>.in.applicationinsights.azure.com/";

  /**
   * Reads and validates the settings.
   *
   * @param context the provider context of the telemetry port
   * @return the settings
   * @throws ConfigurationException naming the key of a missing or bad setting
   */
  public static AppInsightsSettings from(ProviderContext context) {
    String key = context.key(PREFIX + "connection-string");
    String connectionString =
        context
            .get(PREFIX + "connection-string")
            .filter(v -> !v.isBlank())
            .or(() -> context.config().get(CONNECTION_STRING_ENV).filter(v -> !v.isBlank()))
            .map(String::trim)
            .orElseThrow(() -> missing(key));
    validate(key, connectionString);

    String roleName =
        context.config().getString(context.key(PREFIX + "role-name"), DEFAULT_ROLE_NAME).trim();
    double ratio = samplingRatio(context);
    Duration interval =
        context
            .config()
            .getDuration(context.key(PREFIX + "export-interval"), DEFAULT_EXPORT_INTERVAL);
    if (interval.isNegative() || interval.isZero()) {
      throw PlinthConfig.invalid(
          context.key(PREFIX + "export-interval"), interval.toString(), "a positive duration");
    }
    boolean live = context.config().getBoolean(context.key(PREFIX + "live-metrics"), true);
    return new AppInsightsSettings(connectionString, roleName, ratio, interval, live);
  }

  private static double samplingRatio(ProviderContext context) {
    String key = context.key(PREFIX + "sampling-ratio");
    Optional<String> text = context.config().get(key).map(String::trim).filter(v -> !v.isEmpty());
    if (text.isEmpty()) {
      return 1.0;
    }
    try {
      double ratio = Double.parseDouble(text.get());
      if (ratio >= 0.0 && ratio <= 1.0) {
        return ratio;
      }
    } catch (NumberFormatException e) {
      // reported below with the expected shape
    }
    throw PlinthConfig.invalid(key, text.get(), "a number from 0 to 1, e.g. 0.25");
  }

  private static ConfigurationException missing(String key) {
    return new ConfigurationException(
        key,
        "Missing Application Insights connection string: set the environment variable "
            + CONNECTION_STRING_ENV
            + " (or '"
            + key
            + "') to the connection string shown on the resource's Overview page in the Azure"
            + " portal. Example: "
            + CONNECTION_STRING_ENV
            + "="
            + EXAMPLE);
  }

  /** Checks the shape without ever echoing the value: it carries the instrumentation key. */
  private static void validate(String key, String connectionString) {
    boolean hasKey = false;
    for (String part : connectionString.split(";")) {
      int eq = part.indexOf('=');
      if (part.isBlank()) {
        continue;
      }
      if (eq <= 0) {
        throw invalid(key, "every part must be Name=Value");
      }
      String name = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String value = part.substring(eq + 1).trim();
      if (name.equals("instrumentationkey") && !value.isEmpty()) {
        hasKey = true;
      }
      if (name.endsWith("endpoint") && !isHttpUrl(value)) {
        throw invalid(key, "endpoints must be http(s) URLs");
      }
    }
    if (!hasKey) {
      throw invalid(key, "it has no InstrumentationKey");
    }
  }

  private static boolean isHttpUrl(String value) {
    try {
      URI uri = new URI(value);
      return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null;
    } catch (Exception e) {
      return false;
    }
  }

  private static ConfigurationException invalid(String key, String problem) {
    return new ConfigurationException(
        key,
        "Invalid Application Insights connection string in '"
            + key
            + "' or "
            + CONNECTION_STRING_ENV
            + " (value hidden): "
            + problem
            + ". Expected the shape "
            + EXAMPLE);
  }

  @Override
  public String toString() {
    return "AppInsightsSettings{connectionString=<hidden>, roleName="
        + roleName
        + ", samplingRatio="
        + samplingRatio
        + ", exportInterval="
        + exportInterval
        + ", liveMetrics="
        + liveMetrics
        + '}';
  }
}
