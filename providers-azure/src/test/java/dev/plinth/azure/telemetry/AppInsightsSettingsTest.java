package dev.plinth.azure.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.error.ConfigurationException;
import dev.plinth.spi.ProviderContext;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.telemetry.Telemetry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppInsightsSettingsTest {
  private static final String KEY = "plinth.telemetry.app-insights.connection-string";
  private static final String SECRET = "5ec2e7e0-0000-4000-8000-5ec2e75ec2e7";
  private static final String VALID =
      "InstrumentationKey="
          + SECRET
          + ";IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/";

  @Test
  void from_withoutConnectionString_failsNamingTheEnvironmentVariableAndShape() {
    assertThatThrownBy(() -> AppInsightsSettings.from(context(Map.of())))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> {
              assertThat(e.key()).contains(KEY);
              assertThat(e.getMessage())
                  .contains("APPLICATIONINSIGHTS_CONNECTION_STRING")
                  .contains(KEY)
                  .contains("InstrumentationKey=")
                  .contains("IngestionEndpoint=https://");
            });
  }

  @Test
  void from_malformedConnectionString_failsWithoutEchoingTheValue() {
    assertThatThrownBy(() -> AppInsightsSettings.from(context(Map.of(KEY, SECRET))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("value hidden")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void from_connectionStringWithoutKey_failsSayingSo() {
    assertThatThrownBy(
            () ->
                AppInsightsSettings.from(
                    context(Map.of(KEY, "IngestionEndpoint=https://x.example/"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("no InstrumentationKey");
  }

  @Test
  void from_endpointThatIsNotAUrl_failsWithoutEchoingTheKey() {
    String bad = "InstrumentationKey=" + SECRET + ";IngestionEndpoint=westeurope";

    assertThatThrownBy(() -> AppInsightsSettings.from(context(Map.of(KEY, bad))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("http(s) URLs")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void from_onlyConnectionString_appliesDefaults() {
    AppInsightsSettings settings = AppInsightsSettings.from(context(Map.of(KEY, VALID)));

    assertThat(settings.connectionString()).isEqualTo(VALID);
    assertThat(settings.roleName()).isEqualTo("plinth");
    assertThat(settings.samplingRatio()).isEqualTo(1.0);
    assertThat(settings.exportInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.liveMetrics()).isTrue();
  }

  @Test
  void from_standardEnvironmentVariable_isUsedWhenThePlinthKeyIsAbsent() {
    Map<String, String> env = Map.of(AppInsightsSettings.CONNECTION_STRING_ENV, VALID);

    assertThat(AppInsightsSettings.from(context(env)).connectionString()).isEqualTo(VALID);
  }

  @Test
  void from_bothSources_prefersThePlinthKey() {
    String other = "InstrumentationKey=other;IngestionEndpoint=https://other.example/";
    Map<String, String> both = Map.of(AppInsightsSettings.CONNECTION_STRING_ENV, VALID, KEY, other);

    assertThat(AppInsightsSettings.from(context(both)).connectionString()).isEqualTo(other);
  }

  @Test
  void from_allSettings_areRead() {
    Map<String, String> values = new HashMap<>();
    values.put(KEY, VALID);
    values.put("plinth.telemetry.app-insights.role-name", "orders-api");
    values.put("plinth.telemetry.app-insights.sampling-ratio", "0.25");
    values.put("plinth.telemetry.app-insights.export-interval", "15s");
    values.put("plinth.telemetry.app-insights.live-metrics", "false");

    AppInsightsSettings settings = AppInsightsSettings.from(context(values));

    assertThat(settings.roleName()).isEqualTo("orders-api");
    assertThat(settings.samplingRatio()).isEqualTo(0.25);
    assertThat(settings.exportInterval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(settings.liveMetrics()).isFalse();
  }

  @Test
  void from_samplingRatioOutOfRange_failsNamingTheKey() {
    for (String bad : new String[] {"1.5", "-0.1", "half"}) {
      Map<String, String> values =
          Map.of(KEY, VALID, "plinth.telemetry.app-insights.sampling-ratio", bad);

      assertThatThrownBy(() -> AppInsightsSettings.from(context(values)))
          .isInstanceOfSatisfying(
              ConfigurationException.class,
              e -> assertThat(e.key()).contains("plinth.telemetry.app-insights.sampling-ratio"))
          .hasMessageContaining("from 0 to 1");
    }
  }

  @Test
  void from_nonPositiveOrUnparsableExportInterval_fails() {
    for (String bad : new String[] {"0s", "soon"}) {
      Map<String, String> values =
          Map.of(KEY, VALID, "plinth.telemetry.app-insights.export-interval", bad);

      assertThatThrownBy(() -> AppInsightsSettings.from(context(values)))
          .isInstanceOfSatisfying(
              ConfigurationException.class,
              e -> assertThat(e.key()).contains("plinth.telemetry.app-insights.export-interval"));
    }
  }

  @Test
  void toString_hidesTheConnectionString() {
    AppInsightsSettings settings = AppInsightsSettings.from(context(Map.of(KEY, VALID)));

    assertThat(settings.toString()).doesNotContain(SECRET).contains("<hidden>");
  }

  private static ProviderContext context(Map<String, String> values) {
    return new ProviderContext("telemetry", new MapPlinthConfig(values), Telemetry.noop());
  }
}
