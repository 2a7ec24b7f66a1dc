package dev.plinth.bench.load;

import java.net.URI;
import java.nio.file.Path;

/**
 * What the driver runs, from {@code -Dload.*} system properties.
 *
 * @param baseUrl the server, e.g. {@code http://localhost:9380}
 * @param mode {@code quick} or {@code full}, only a label in the report
 * @param seconds duration of the cached GET and of the executions scenario
 * @param rate target executions started per second
 * @param fileMib size of the uploaded and downloaded file
 * @param threads client threads of the cached GET scenario
 * @param startCommand command that starts the server (readiness is timed from its launch); empty
 *     when the server already runs
 * @param serverHeap the server's heap setting, a label in the report
 * @param backend what the server runs on, a label in the report
 * @param results directory of the report files
 * @param name base name of the report files ({@code load-latest}: {@code load-latest.json} and
 *     {@code load-latest.md})
 */
record LoadSettings(
    URI baseUrl,
    String mode,
    int seconds,
    int rate,
    long fileMib,
    int threads,
    String startCommand,
    String serverHeap,
    String backend,
    Path results,
    String name) {

  /**
   * Reads the settings.
   *
   * @return the settings, defaults for what is not set
   */
  static LoadSettings fromSystemProperties() {
    return new LoadSettings(
        URI.create(prop("load.base-url", "http://localhost:9380")),
        prop("load.mode", "quick"),
        Integer.parseInt(prop("load.seconds", "15")),
        Integer.parseInt(prop("load.rate", "500")),
        Long.parseLong(prop("load.file-mib", "64")),
        Integer.parseInt(prop("load.threads", "16")),
        prop("load.start-command", ""),
        prop("load.server-heap", "unknown"),
        prop("load.backend", "embedded defaults"),
        Path.of(prop("load.results", "results")),
        prop("load.results-name", "load-latest"));
  }

  private static String prop(String key, String fallback) {
    String value = System.getProperty(key, "").trim();
    return value.isEmpty() ? fallback : value;
  }
}
