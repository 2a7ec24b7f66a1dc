package dev.plinth.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Proves the harness works: every benchmark method runs once in this JVM (no fork, one warm-up and
 * one measurement iteration of 100 ms) and the report pairs each Plinth method with its raw twin.
 * It asserts that results exist, never how fast they are.
 */
class BenchmarkSmokeTest {
  private static final List<Measurement> measurements = new ArrayList<>();

  @BeforeAll
  static void runEveryBenchmarkOnce() throws Exception {
    Options options =
        new OptionsBuilder()
            .include("dev\\.plinth\\.bench\\.\\w+Benchmark\\.")
            .param("size", "4096")
            .forks(0)
            .threads(1)
            .warmupIterations(1)
            .warmupTime(TimeValue.milliseconds(100))
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(100))
            .shouldFailOnError(true)
            .verbosity(VerboseMode.SILENT)
            .build();
    for (RunResult result : new Runner(options).run()) {
      measurements.add(Measurement.of(result));
    }
  }

  @Test
  void run_everyPlinthBenchmarkHasARawTwinWithAScore() {
    List<Comparison> comparisons = Comparison.pair(measurements);

    assertThat(comparisons)
        .extracting(Comparison::label)
        .contains(
            "RedisCache.get",
            "RedisCache.putAll100",
            "MemoryCache.put",
            "ArtemisSend.send",
            "ArtemisSend.sendBatch100",
            "ArtemisAsyncSend.sendAsync",
            "ArtemisEndToEnd.sendConsume",
            "FileSystem.get [size=4096]",
            "AzureBlob.get [size=4096]",
            "AzureBlob.put [size=4096]",
            "DevAuth.verify",
            "DevAuth.verifyCached",
            "EntraAuth.verify");
    assertThat(comparisons)
        .filteredOn(c -> c.plinth() != null)
        .allSatisfy(
            c -> {
              assertThat(c.raw()).as(c.label()).isNotNull();
              assertThat(c.plinth().score()).as(c.label()).isPositive();
              assertThat(c.raw().score()).as(c.label()).isPositive();
            });
  }

  @Test
  void write_producesJsonAndMarkdownTable(@TempDir Path dir) throws Exception {
    List<Comparison> comparisons = Comparison.pair(measurements);

    ReportWriter.write(dir, RunEnvironment.current(Suite.Mode.QUICK), comparisons);

    String markdown = Files.readString(dir.resolve("latest.md"));
    assertThat(markdown)
        .contains("| Benchmark | Threads | Plinth ops/s | Raw ops/s | Ratio |")
        .contains("| DevAuth.verify | 1 |")
        .contains("ArtemisEndToEnd.sendConsumeNonPersistent (raw reference)");
    assertThat(Files.readString(dir.resolve("latest.json")))
        .startsWith("{")
        .contains("\"benchmark\": \"RedisCache.get\"");
  }
}
