package dev.plinth.bench.load;

import java.time.Instant;

/**
 * Everything one driver run measured; a scenario that failed has a null result and its error.
 *
 * @param settings what was run
 * @param finished when the run ended
 * @param environment JVM, OS and CPUs of the driver (the server runs on the same machine)
 * @param readinessSeconds launch to first ready answer, null when the server was already running
 * @param cachedGet cached {@code GET /executions/{id}}
 * @param executions executions end to end
 * @param file large file upload and download
 * @param errors what failed, one line per scenario, empty when nothing did
 */
record LoadResults(
    LoadSettings settings,
    Instant finished,
    String environment,
    Double readinessSeconds,
    LatencyStats.Summary cachedGet,
    ExecutionScenario.Result executions,
    FileScenario.Result file,
    String errors) {}
