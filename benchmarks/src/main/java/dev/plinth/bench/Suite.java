package dev.plinth.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * What the harness runs: each benchmark group with its thread counts, and the JMH settings of the
 * quick and full modes. Every run adds JMH's GC profiler, so the report shows bytes allocated per
 * operation next to each score.
 */
final class Suite {
  /**
   * One JMH invocation.
   *
   * @param include the benchmark-name pattern
   * @param threads the benchmark threads
   * @param params parameter overrides, e.g. sizes
   */
  record Run(String include, int threads, Map<String, String[]> params) {}

  /**
   * The JMH settings of a mode.
   *
   * @param name {@code quick} or {@code full}
   * @param forks JVM forks per benchmark
   * @param warmups warm-up iterations
   * @param warmupTime each warm-up iteration's length
   * @param iterations measurement iterations
   * @param iterationTime each measurement iteration's length
   */
  record Mode(
      String name,
      int forks,
      int warmups,
      TimeValue warmupTime,
      int iterations,
      TimeValue iterationTime) {

    /** About five minutes on two cores. */
    static final Mode QUICK =
        new Mode("quick", 1, 2, TimeValue.seconds(1), 3, TimeValue.seconds(1));

    /** About half an hour: two forks, longer iterations, 64 MiB objects. */
    static final Mode FULL = new Mode("full", 2, 3, TimeValue.seconds(2), 5, TimeValue.seconds(3));

    /**
     * Returns the mode of a name.
     *
     * @param name {@code quick} or {@code full}
     * @return the mode
     */
    static Mode of(String name) {
      return switch (name) {
        case "quick" -> QUICK;
        case "full" -> FULL;
        default -> throw new IllegalArgumentException("bench.mode must be quick or full: " + name);
      };
    }
  }

  private Suite() {}

  /**
   * Lists the runs of a mode.
   *
   * @param mode the mode
   * @return the runs, in order
   */
  static List<Run> runs(Mode mode) {
    boolean full = mode == Mode.FULL;
    String[] sizes =
        full ? new String[] {"4096", "1048576", "67108864"} : new String[] {"4096", "1048576"};
    List<Run> runs = new ArrayList<>();
    for (int threads : new int[] {1, 8}) {
      runs.add(new Run(bench("RedisCacheBenchmark", "(get|put)"), threads, Map.of()));
    }
    runs.add(new Run(bench("RedisCacheBenchmark", "(getAll100|putAll100)"), 1, Map.of()));
    for (int threads : full ? new int[] {1, 2} : new int[] {1}) {
      runs.add(new Run(bench("MemoryCacheBenchmark", "(get|put)"), threads, Map.of()));
    }
    for (int threads : new int[] {1, 16}) {
      runs.add(new Run(bench("ArtemisSendBenchmark", "send"), threads, Map.of()));
    }
    runs.add(new Run(bench("ArtemisSendBenchmark", "sendBatch100"), 1, Map.of()));
    runs.add(new Run(bench("ArtemisAsyncSendBenchmark", "sendAsync\\w*"), 1, Map.of()));
    runs.add(new Run(bench("ArtemisEndToEndBenchmark", "sendConsume\\w*"), 1, Map.of()));
    runs.add(new Run(bench("FileSystemBenchmark", "(put|get)"), 1, Map.of("size", sizes)));
    String[] azureSizes = {"4096", "1048576"}; // both modes: the emulator, not the SDK, owns 64 MiB
    runs.add(new Run(bench("AzureBlobBenchmark", "(put|get)"), 1, Map.of("size", azureSizes)));
    for (int threads : full ? new int[] {1, 2} : new int[] {1}) {
      runs.add(new Run(bench("DevAuthBenchmark", "verify\\w*"), threads, Map.of()));
    }
    runs.add(new Run(bench("EntraAuthBenchmark", "verify"), 1, Map.of()));
    return runs;
  }

  /**
   * Builds the JMH options of one run.
   *
   * @param run the run
   * @param mode the mode
   * @return options ready for {@link org.openjdk.jmh.runner.Runner}
   */
  static ChainedOptionsBuilder options(Run run, Mode mode) {
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(run.include())
            .threads(run.threads())
            .forks(mode.forks())
            .warmupIterations(mode.warmups())
            .warmupTime(mode.warmupTime())
            .measurementIterations(mode.iterations())
            .measurementTime(mode.iterationTime())
            .mode(org.openjdk.jmh.annotations.Mode.Throughput)
            .timeUnit(TimeUnit.SECONDS)
            .jvmArgs("-Xms1g", "-Xmx1g", "-Djmh.shutdownTimeout=5")
            .addProfiler(GCProfiler.class)
            .shouldFailOnError(true)
            .verbosity(VerboseMode.NORMAL);
    run.params().forEach(options::param);
    return options;
  }

  /**
   * Returns the pattern of one benchmark class's methods {@code <op>_<side>}.
   *
   * @param benchmarkClass the simple class name
   * @param ops a regex of operation names
   * @return the include pattern
   */
  static String bench(String benchmarkClass, String ops) {
    return "\\." + benchmarkClass + "\\." + ops + "_\\w+$";
  }
}
