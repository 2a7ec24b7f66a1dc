package dev.plinth.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** The driver's statistics and report code, without a server (no timing is asserted). */
class LoadStatisticsTest {

  @Test
  void summary_percentilesOfKnownLatencies() {
    LatencyStats stats = new LatencyStats();
    for (int ms = 1; ms <= 1000; ms++) {
      stats.record(ms * 1_000_000L);
    }
    stats.error();

    LatencyStats.Summary summary = stats.summary(2_000_000_000L);

    assertThat(summary.count()).isEqualTo(1000);
    assertThat(summary.errors()).isEqualTo(1);
    assertThat(summary.perSecond()).isEqualTo(500.0);
    assertThat(summary.p50Ms()).isBetween(499.0, 501.0);
    assertThat(summary.p99Ms()).isBetween(989.0, 991.0);
    assertThat(summary.p999Ms()).isBetween(998.0, 1000.5);
    assertThat(summary.maxMs()).isBetween(999.0, 1000.5);
  }

  @Test
  void summary_emptyIsZero() {
    LatencyStats.Summary summary = new LatencyStats().summary(0);

    assertThat(summary.count()).isZero();
    assertThat(summary.perSecond()).isZero();
    assertThat(summary.p99Ms()).isZero();
  }

  @Test
  void generatedStream_sameBytesAndChecksumEachTime() throws IOException {
    GeneratedInputStream first = new GeneratedInputStream(100_000);
    GeneratedInputStream second = new GeneratedInputStream(100_000);

    byte[] a = first.readAllBytes();
    CRC32 crc = new CRC32();
    crc.update(second.readAllBytes());

    assertThat(a).hasSize(100_000);
    assertThat(first.checksum()).isEqualTo(second.checksum()).isEqualTo(crc.getValue());
  }

  @Test
  void report_rendersEveryScenario() {
    LatencyStats stats = new LatencyStats();
    stats.record(2_000_000);
    LatencyStats.Summary summary = stats.summary(1_000_000_000L);
    LoadSettings settings =
        new LoadSettings(
            URI.create("http://localhost:9380"),
            "quick",
            15,
            500,
            64,
            16,
            "",
            "-Xmx128m",
            "embedded defaults",
            Path.of("results"),
            "load-latest");
    LoadResults results =
        new LoadResults(
            settings,
            Instant.parse("2026-01-01T00:00:00Z"),
            "test JVM",
            12.5,
            summary,
            new ExecutionScenario.Result(500, 15, summary, 0, 1, 0, 0, 0, 1.0, 0.5, 1, 0),
            new FileScenario.Result(64L << 20, 1, 64, 1, 64, true, 128L << 20),
            "");

    assertThat(LoadReport.markdown(results))
        .contains("Cached `GET /executions/{id}`", "lost 0, duplicated 0", "File upload 64 MiB")
        .contains("Readiness", "12.5 s", "128 MiB");
    assertThat(LoadReport.json(results))
        .contains("\"readinessSeconds\": 12.5000", "\"intact\": true", "\"errors\": \"\"");
  }
}
