package dev.plinth.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

/** Reads the server's Prometheus exposition. */
final class Metrics {
  /** The documented scrape target of the SDK and HTTP metrics. */
  static final String PATH = "/prometheus";

  private Metrics() {}

  /** Fetches the exposition text. */
  static String scrape() {
    HttpResponse<String> response = ServerClient.get(PATH, null);
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
