package dev.plinth.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Plinth measurement next to its raw twin (either may be missing: a reference run has no Plinth
 * side).
 *
 * @param label e.g. {@code RedisCache.get}, with params, e.g. {@code FileSystem.put [size=4096]}
 * @param threads benchmark threads
 * @param plinth the Plinth side, or null
 * @param raw the raw side, or null
 */
record Comparison(String label, int threads, Measurement plinth, Measurement raw) {

  /**
   * Returns Plinth / raw.
   *
   * @return the ratio, NaN unless both sides exist
   */
  double ratio() {
    return plinth == null || raw == null ? Double.NaN : plinth.score() / raw.score();
  }

  /**
   * Pairs measurements by benchmark, operation, params and threads, in the order first seen.
   *
   * @param measurements every measurement of a run
   * @return the comparisons
   */
  static List<Comparison> pair(Collection<Measurement> measurements) {
    Map<String, List<Measurement>> byKey = new LinkedHashMap<>();
    for (Measurement m : measurements) {
      byKey.computeIfAbsent(m.pairKey(), k -> new ArrayList<>()).add(m);
    }
    List<Comparison> result = new ArrayList<>();
    for (List<Measurement> group : byKey.values()) {
      Measurement first = group.get(0);
      Measurement plinth = find(group, "plinth");
      Measurement raw = find(group, "raw");
      if (raw == null) {
        raw = find(group, "rawOnly");
      }
      String label =
          first.benchmark()
              + "."
              + first.operation()
              + (first.params().isEmpty() ? "" : " [" + first.params() + "]");
      result.add(new Comparison(label, first.threads(), plinth, raw));
    }
    return result;
  }

  private static Measurement find(List<Measurement> group, String side) {
    return group.stream().filter(m -> m.side().equals(side)).findFirst().orElse(null);
  }
}
