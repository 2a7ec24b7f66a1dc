package dev.plinth.local.telemetry;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A strict parser of the Prometheus text format, used to prove the exposition is well formed. */
final class PrometheusTextParser {
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"(,|$)");

  final Map<String, String> types = new HashMap<>();
  final Map<String, String> help = new HashMap<>();
  final Map<String, Double> samples = new LinkedHashMap<>();

  static PrometheusTextParser parse(String text) {
    PrometheusTextParser p = new PrometheusTextParser();
    for (String line : text.split("\n")) {
      if (line.startsWith("# HELP ")) {
        String[] parts = line.substring(7).split(" ", 2);
        p.help.put(parts[0], parts[1]);
      } else if (line.startsWith("# TYPE ")) {
        String[] parts = line.substring(7).split(" ");
        p.types.put(parts[0], parts[1]);
      } else if (!line.isBlank()) {
        Matcher m = SAMPLE.matcher(line);
        if (!m.matches()) {
          throw new IllegalArgumentException("Malformed sample line: " + line);
        }
        Map<String, String> labels = new TreeMap<>();
        if (m.group(3) != null && !m.group(3).isEmpty()) {
          Matcher l = LABEL.matcher(m.group(3));
          int end = 0;
          while (l.find()) {
            if (l.start() != end) {
              throw new IllegalArgumentException("Malformed labels: " + line);
            }
            labels.put(l.group(1), l.group(2));
            end = l.end();
          }
          if (end != m.group(3).length()) {
            throw new IllegalArgumentException("Malformed labels: " + line);
          }
        }
        p.samples.put(key(m.group(1), labels), Double.parseDouble(m.group(4)));
      }
    }
    return p;
  }

  static String key(String name, Map<String, String> labels) {
    return name + new TreeMap<>(labels);
  }

  double value(String name, Map<String, String> labels) {
    Double v = samples.get(key(name, labels));
    if (v == null) {
      throw new AssertionError("No sample " + key(name, labels) + " in " + samples.keySet());
    }
    return v;
  }
}
