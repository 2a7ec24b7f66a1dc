package dev.plinth.server.execution;

import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Telemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Counts execution state changes: {@code plinth_server_executions_total{status}}. */
@ApplicationScoped
public class ExecutionMetrics {
  /** The counter name. */
  public static final String EXECUTIONS = "plinth_server_executions_total";

  @Inject Telemetry telemetry;

  /**
   * Counts an execution entering a status.
   *
   * @param status the new status
   */
  public void entered(ExecutionStatus status) {
    telemetry.counter(EXECUTIONS, Tags.of("status", status.id())).increment();
  }
}
