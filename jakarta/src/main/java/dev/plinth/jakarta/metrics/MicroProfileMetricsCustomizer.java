package dev.plinth.jakarta.metrics;

import dev.plinth.core.Platform;
import dev.plinth.jakarta.PlatformCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Copies every metric of the application's platform to the MicroProfile Metrics application
 * registry (so it appears on {@code /metrics}) when the container provides one, by decorating the
 * platform's telemetry with {@link MicroProfileMetricsTelemetry}. The configured telemetry provider
 * still receives everything. Set {@value #ENABLED_KEY}{@code =false} to turn the copy off.
 */
@ApplicationScoped
public class MicroProfileMetricsCustomizer implements PlatformCustomizer {
  /** Whether the bridge is on (default {@code true}). */
  public static final String ENABLED_KEY = "plinth.telemetry.microprofile-metrics";

  private static final Logger LOG = Logger.getLogger(MicroProfileMetricsCustomizer.class.getName());

  private final Config config;
  private final Instance<MetricRegistry> registries;

  /**
   * Creates the customizer.
   *
   * @param config the application's configuration, for {@value #ENABLED_KEY}
   * @param registries the application-scope registry, when MicroProfile Metrics is present
   */
  @Inject
  public MicroProfileMetricsCustomizer(Config config, Instance<MetricRegistry> registries) {
    this.config = config;
    this.registries = registries;
  }

  /** For CDI proxies only. */
  protected MicroProfileMetricsCustomizer() {
    this.config = null;
    this.registries = null;
  }

  @Override
  public void customize(Platform.Builder builder) {
    if (!config
        .getOptionalValue(ENABLED_KEY, String.class)
        .map(Boolean::parseBoolean)
        .orElse(true)) {
      return;
    }
    if (!registries.isResolvable()) {
      LOG.fine("No MicroProfile MetricRegistry to bridge Plinth metrics to");
      return;
    }
    MetricRegistry registry = registries.get();
    builder.decorateTelemetry(telemetry -> new MicroProfileMetricsTelemetry(telemetry, registry));
  }
}
