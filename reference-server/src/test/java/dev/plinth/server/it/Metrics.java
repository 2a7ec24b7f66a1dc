package dev.plinth.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

/** Reads the server's Prometheus expositions. */
final class Metrics {
  /** The console telemetry's own exposition of the SDK and HTTP metrics. */
  static final String PATH = "/prometheus";

  /** MicroProfile Metrics: the container's metrics plus the SDK's (application scope). */
  static final String MICROPROFILE_PATH = "/metrics";

  private Metrics() {}

  /** Fetches the {@link #PATH} exposition text. */
  static String scrape() {
    return scrape(PATH);
  }

  /** Fetches an exposition text. */
  static String scrape(String path) {
    HttpResponse<String> response = ServerClient.get(path, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  /**
   * Returns the value of the first sample of a metric whose labels contain every given fragment
   * (e.g. {@code result="hit"}), or 0 when there is none yet.
   */
  static double value(String exposition, String name, String... labelFragments) {
    return exposition
        .lines()
        .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
        .filter(line -> containsAll(line, labelFragments))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static boolean containsAll(String line, String... fragments) {
    for (String fragment : fragments) {
      if (!line.contains(fragment)) {
        return false;
      }
    }
    return true;
  }
}
