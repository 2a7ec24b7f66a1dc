package dev.plinth.bench;

import dev.plinth.config.Profile;
import dev.plinth.core.Platform;
import java.util.Map;

/**
 * Builds a {@link Platform} with exactly one port enabled, configured as an application would, so
 * that a benchmark measures that port alone. Telemetry is {@code none}: the raw clients record
 * nothing either, and the no-op path is what the overhead target is stated against.
 */
final class Platforms {
  private static final String[] PORTS = {"storage", "cache", "queue", "auth"};

  private Platforms() {}

  /**
   * Builds a platform where only {@code port} runs, with {@code provider}.
   *
   * @param port e.g. {@code cache}
   * @param provider e.g. {@code redis}
   * @param settings extra {@code plinth.*} properties
   * @return the started platform; close it in the trial tear-down
   */
  static Platform only(String port, String provider, Map<String, String> settings) {
    Platform.Builder builder =
        Platform.builder().profile(Profile.MEMORY).property("plinth.telemetry.provider", "none");
    for (String other : PORTS) {
      builder.property("plinth." + other + ".provider", other.equals(port) ? provider : "none");
    }
    return builder.properties(settings).build();
  }
}
