package dev.plinth.bench.load;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

/**
 * The server load driver: readiness, cached GET, executions end to end and a large file against a
 * reference server on this machine, then {@code load-latest.json} and {@code .md}. Settings are
 * {@code -Dload.*} properties ({@link LoadSettings}); {@code benchmarks/load.sh} is the command.
 */
public final class LoadMain {
  private static final Logger LOG = Logger.getLogger(LoadMain.class.getName());

  private LoadMain() {}

  /**
   * Runs every scenario; a failing scenario is reported and the others still run.
   *
   * @param args unused
   * @throws Exception when the server cannot be reached or the report not written
   */
  public static void main(String[] args) throws Exception {
    LoadSettings settings = LoadSettings.fromSystemProperties();
    ExecutorService executor = Executors.newFixedThreadPool(Math.max(4, settings.threads()));
    List<String> errors = new ArrayList<>();
    try {
      PlinthClient client = new PlinthClient(settings.baseUrl(), executor);
      ReadinessProbe probe = new ReadinessProbe(client);
      Double readiness = null;
      if (settings.startCommand().isEmpty()) {
        if (!probe.awaitReady()) {
          throw new IllegalStateException("No ready server at " + settings.baseUrl());
        }
      } else {
        readiness = probe.startAndTime(settings.startCommand());
        LOG.info(() -> "ready after launch: " + settings.startCommand());
      }
      client.login();
      String workflowId = client.createWorkflow();

      LatencyStats.Summary cachedGet = null;
      try {
        String executionId = finishedExecution(client, workflowId);
        LOG.info("cached GET scenario");
        cachedGet =
            new CachedGetScenario(client, settings.threads(), settings.seconds()).run(executionId);
      } catch (Exception e) {
        errors.add("cached GET: " + e);
      }
      ExecutionScenario.Result executions = null;
      try {
        LOG.info("executions scenario");
        executions =
            new ExecutionScenario(client, settings.rate(), settings.seconds()).run(workflowId);
      } catch (Exception e) {
        errors.add("executions: " + e);
      }
      FileScenario.Result file = null;
      try {
        LOG.info("file scenario");
        file = new FileScenario(client, settings.fileMib() << 20).run();
      } catch (Exception e) {
        errors.add("file: " + e);
      }
      LoadResults results =
          new LoadResults(
              settings,
              Instant.now().truncatedTo(ChronoUnit.SECONDS),
              environment(),
              readiness,
              cachedGet,
              executions,
              file,
              String.join("; ", errors));
      LoadReport.write(settings.results(), results);
      LOG.info(() -> "\n" + LoadReport.markdown(results));
    } finally {
      executor.shutdownNow();
    }
  }

  private static String finishedExecution(PlinthClient client, String workflowId) throws Exception {
    HttpResponse<String> started = client.startExecution(workflowId, 0).get();
    String id = PlinthClient.id(started.body());
    for (int i = 0; i < 600; i++) {
      if ("succeeded".equals(PlinthClient.status(client.getExecution(id).body()))) {
        return id;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("Execution " + id + " did not succeed within 60 s");
  }

  private static String environment() {
    return System.getProperty("java.vm.name")
        + " "
        + System.getProperty("java.runtime.version")
        + ", "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.arch")
        + ", "
        + Runtime.getRuntime().availableProcessors()
        + " CPUs";
  }
}
