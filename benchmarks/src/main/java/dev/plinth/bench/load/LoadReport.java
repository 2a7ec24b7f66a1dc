package dev.plinth.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes {@code <name>.json} and {@code <name>.md} (default {@code load-latest}). */
final class LoadReport {
  private LoadReport() {}

  /**
   * Writes both files.
   *
   * @param dir the results directory
   * @param r the results
   */
  static void write(Path dir, LoadResults r) throws IOException {
    Files.createDirectories(dir);
    String name = r.settings().name();
    Files.writeString(dir.resolve(name + ".json"), json(r), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(name + ".md"), markdown(r), StandardCharsets.UTF_8);
  }

  /**
   * Renders the Markdown table.
   *
   * @param r the results
   * @return Markdown
   */
  static String markdown(LoadResults r) {
    LoadSettings s = r.settings();
    StringBuilder md = new StringBuilder();
    md.append(
        f(
            "Mode **%s** (%d s per timed scenario, %d client threads for GET, target %d executions/s,"
                + " file %d MiB, server heap %s, backends: %s), finished %s.  %n",
            s.mode(),
            s.seconds(),
            s.threads(),
            s.rate(),
            s.fileMib(),
            s.serverHeap(),
            s.backend(),
            r.finished()));
    md.append(r.environment()).append(", driver and server on the same machine.\n\n");
    md.append("| Scenario | Count | Errors | Throughput | p50 ms | p99 ms | p99.9 ms | max ms |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    if (r.cachedGet() != null) {
      md.append(row("Cached `GET /executions/{id}`", r.cachedGet(), "req/s"));
    }
    ExecutionScenario.Result e = r.executions();
    if (e != null) {
      md.append(row("`POST .../executions` (202 accepted)", e.accepted(), "req/s"));
      md.append(
          f(
              "| Executions end to end to `succeeded` | %d | lost %d, duplicated %d |"
                  + " %.1f exec/s | | | | |%n",
              e.succeeded(), e.lost(), e.duplicated(), e.completedPerSecond()));
    }
    FileScenario.Result file = r.file();
    if (file != null) {
      md.append(
          f(
              "| File upload %d MiB | 1 | %s | %.1f MiB/s | | | | %.0f |%n",
              file.bytes() >> 20,
              file.intact() ? "0" : "1 (corrupt)",
              file.uploadMibPerSecond(),
              file.uploadSeconds() * 1000));
      md.append(
          f(
              "| File download %d MiB | 1 | %s | %.1f MiB/s | | | | %.0f |%n",
              file.bytes() >> 20,
              file.intact() ? "0" : "1 (corrupt)",
              file.downloadMibPerSecond(),
              file.downloadSeconds() * 1000));
    }
    if (r.readinessSeconds() != null) {
      md.append(
          f(
              "| Readiness (launch to `/health/ready` 200) | 1 | 0 | %.1f s | | | | |%n",
              r.readinessSeconds()));
    }
    md.append('\n');
    if (e != null) {
      md.append(
          f(
              "Executions: %d started at a target of %d/s for %d s (%d skipped with %d requests"
                  + " outstanding), %d succeeded, %d lost, %d duplicated, %d needed more than one"
                  + " attempt; the last one succeeded %.1f s after the last POST. Server side: %d"
                  + " created, %d not succeeded at the end.%n",
              e.accepted().count() + e.accepted().errors(),
              e.targetRate(),
              e.seconds(),
              e.saturated(),
              512,
              e.succeeded(),
              e.lost(),
              e.duplicated(),
              e.retried(),
              e.drainSeconds(),
              e.createdOnServer(),
              e.unfinishedOnServer()));
    }
    if (file != null) {
      md.append(
          f(
              "File: checksum %s; server max heap %s.%n",
              file.intact() ? "matched" : "MISMATCH",
              file.serverMaxHeapBytes() < 0
                  ? "unknown"
                  : (file.serverMaxHeapBytes() >> 20) + " MiB (from /metrics)"));
    }
    if (!r.errors().isEmpty()) {
      md.append("\nFailed: ").append(r.errors()).append('\n');
    }
    return md.toString();
  }

  /**
   * Renders the JSON document.
   *
   * @param r the results
   * @return JSON
   */
  static String json(LoadResults r) {
    LoadSettings s = r.settings();
    StringBuilder j = new StringBuilder("{\n");
    j.append(f("  \"mode\": %s,%n", q(s.mode())));
    j.append(f("  \"finished\": %s,%n", q(r.finished().toString())));
    j.append(f("  \"environment\": %s,%n", q(r.environment())));
    j.append(
        f(
            "  \"settings\": {\"baseUrl\": %s, \"seconds\": %d, \"threads\": %d, \"rate\": %d,"
                + " \"fileMib\": %d, \"serverHeap\": %s, \"backend\": %s},%n",
            q(s.baseUrl().toString()),
            s.seconds(),
            s.threads(),
            s.rate(),
            s.fileMib(),
            q(s.serverHeap()),
            q(s.backend())));
    j.append(f("  \"readinessSeconds\": %s,%n", n(r.readinessSeconds())));
    j.append(f("  \"cachedGet\": %s,%n", summary(r.cachedGet())));
    ExecutionScenario.Result e = r.executions();
    if (e == null) {
      j.append("  \"executions\": null,\n");
    } else {
      j.append(
          f(
              "  \"executions\": {\"targetRate\": %d, \"seconds\": %d, \"accepted\": %s,"
                  + " \"saturated\": %d, \"succeeded\": %d, \"lost\": %d, \"duplicated\": %d,"
                  + " \"retried\": %d, \"completedPerSecond\": %s, \"drainSeconds\": %s,"
                  + " \"createdOnServer\": %d, \"unfinishedOnServer\": %d},%n",
              e.targetRate(),
              e.seconds(),
              summary(e.accepted()),
              e.saturated(),
              e.succeeded(),
              e.lost(),
              e.duplicated(),
              e.retried(),
              n(e.completedPerSecond()),
              n(e.drainSeconds()),
              e.createdOnServer(),
              e.unfinishedOnServer()));
    }
    FileScenario.Result file = r.file();
    if (file == null) {
      j.append("  \"file\": null,\n");
    } else {
      j.append(
          f(
              "  \"file\": {\"bytes\": %d, \"uploadSeconds\": %s, \"uploadMibPerSecond\": %s,"
                  + " \"downloadSeconds\": %s, \"downloadMibPerSecond\": %s, \"intact\": %b,"
                  + " \"serverMaxHeapBytes\": %d},%n",
              file.bytes(),
              n(file.uploadSeconds()),
              n(file.uploadMibPerSecond()),
              n(file.downloadSeconds()),
              n(file.downloadMibPerSecond()),
              file.intact(),
              file.serverMaxHeapBytes()));
    }
    j.append(f("  \"errors\": %s%n}%n", q(r.errors())));
    return j.toString();
  }

  private static String row(String name, LatencyStats.Summary s, String unit) {
    return f(
        "| %s | %,d | %,d | %,.0f %s | %.2f | %.2f | %.2f | %.1f |%n",
        name,
        s.count(),
        s.errors(),
        s.perSecond(),
        unit,
        s.p50Ms(),
        s.p99Ms(),
        s.p999Ms(),
        s.maxMs());
  }

  private static String summary(LatencyStats.Summary s) {
    if (s == null) {
      return "null";
    }
    return f(
        "{\"count\": %d, \"errors\": %d, \"seconds\": %s, \"perSecond\": %s, \"p50Ms\": %s,"
            + " \"p99Ms\": %s, \"p999Ms\": %s, \"maxMs\": %s}",
        s.count(),
        s.errors(),
        n(s.seconds()),
        n(s.perSecond()),
        n(s.p50Ms()),
        n(s.p99Ms()),
        n(s.p999Ms()),
        n(s.maxMs()));
  }

  private static String n(Double value) {
    return value == null || value.isNaN() || value.isInfinite()
        ? "null"
        : String.format(Locale.ROOT, "%.4f", value);
  }

  private static String q(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static String f(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
