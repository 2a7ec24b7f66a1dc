package dev.plinth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.util.Version;

/**
 * Where and how a run was made, written at the head of both reports.
 *
 * @param mode {@code quick} or {@code full}
 * @param jmhSettings forks, warm-up and measurement iterations
 * @param finishedAt when the run ended
 * @param jdk the JVM name and version
 * @param os the operating system and architecture
 * @param cpus available processors
 * @param cpuModel the CPU model from /proc/cpuinfo, or {@code unknown}
 * @param jmh the JMH version
 */
record RunEnvironment(
    String mode,
    String jmhSettings,
    Instant finishedAt,
    String jdk,
    String os,
    int cpus,
    String cpuModel,
    String jmh) {

  /**
   * Describes this JVM and machine.
   *
   * @param mode the suite mode
   * @return the environment
   */
  static RunEnvironment current(Suite.Mode mode) {
    String settings =
        String.format(
            "forks %d, warm-up %d x %s, measurement %d x %s, mode throughput, GC profiler",
            mode.forks(),
            mode.warmups(),
            mode.warmupTime(),
            mode.iterations(),
            mode.iterationTime());
    return new RunEnvironment(
        mode.name(),
        settings,
        Instant.now().truncatedTo(ChronoUnit.SECONDS),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(),
        readCpuModel(),
        Version.getPlainVersion());
  }

  /**
   * Renders the environment as Markdown lines.
   *
   * @return the lines
   */
  String markdown() {
    return "Mode **"
        + mode
        + "** ("
        + jmhSettings
        + "), finished "
        + finishedAt
        + ".  \n"
        + "JMH "
        + jmh
        + ", "
        + jdk
        + ", "
        + os
        + ", "
        + cpus
        + " CPUs ("
        + cpuModel
        + ").\n";
  }

  /**
   * Renders the environment as a JSON object.
   *
   * @return the object
   */
  String json() {
    return "{\"mode\": "
        + Json.string(mode)
        + ", \"jmhSettings\": "
        + Json.string(jmhSettings)
        + ", \"finishedAt\": "
        + Json.string(finishedAt.toString())
        + ", \"jdk\": "
        + Json.string(jdk)
        + ", \"os\": "
        + Json.string(os)
        + ", \"cpus\": "
        + cpus
        + ", \"cpuModel\": "
        + Json.string(cpuModel)
        + ", \"jmh\": "
        + Json.string(jmh)
        + "}";
  }

  private static String readCpuModel() {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (!Files.isReadable(cpuinfo)) {
      return "unknown";
    }
    try (Stream<String> lines = Files.lines(cpuinfo)) {
      return lines
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
