package dev.plinth.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Runs the suite through the JMH Runner API and writes {@code latest.json} and {@code latest.md}.
 *
 * <p>System properties: {@code bench.mode} ({@code quick}, the default, or {@code full}), {@code
 * bench.results} (the output directory, default {@code results}) and {@code bench.include} (a
 * regex; only runs whose pattern contains it, e.g. {@code Redis}).
 */
public final class BenchmarkMain {
  private BenchmarkMain() {}

  /**
   * Runs the suite.
   *
   * @param args ignored; configuration is by system properties
   * @throws Exception if a benchmark fails or the report cannot be written
   */
  public static void main(String[] args) throws Exception {
    Suite.Mode mode = Suite.Mode.of(System.getProperty("bench.mode", "quick"));
    Path results = Path.of(System.getProperty("bench.results", "results"));
    String filter = System.getProperty("bench.include", "");
    List<Measurement> measurements = new ArrayList<>();
    for (Suite.Run run : Suite.runs(mode)) {
      if (run.include().contains(filter)) {
        measurements.addAll(run(run, mode));
      }
    }
    ReportWriter.write(
        results.toAbsolutePath(), RunEnvironment.current(mode), Comparison.pair(measurements));
  }

  private static List<Measurement> run(Suite.Run run, Suite.Mode mode) throws RunnerException {
    List<Measurement> measurements = new ArrayList<>();
    for (RunResult result : new Runner(Suite.options(run, mode).build()).run()) {
      measurements.add(Measurement.of(result));
    }
    return measurements;
  }
}
