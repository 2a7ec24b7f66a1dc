package dev.plinth.server.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.server.execution.steps.FailStep;
import dev.plinth.server.execution.steps.StepFailedException;
import dev.plinth.server.execution.steps.StepRunners;
import dev.plinth.server.execution.steps.TransformStep;
import jakarta.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionRunTest {
  private final ExecutionRun run =
      new ExecutionRun(
          new StepRunners(
              Map.of(
                  "transform", new TransformStep(),
                  "fail", new FailStep(),
                  "log", (step, context) -> Json.createValue("logged"))));

  private static ExecutionEntity execution(String steps) {
    return new ExecutionEntity(
        "e1",
        new WorkflowSnapshot("w1", 1, "{\"steps\":[" + steps + "]}"),
        "{\"x\":7}",
        "alice",
        null,
        Instant.now());
  }

  @Test
  void run_pureSteps_recordNothingAndReturnAllResults() {
    List<String> recorded = new ArrayList<>();

    ExecutionRun.Ended ended =
        run.run(
            execution(
                "{\"name\":\"a\",\"type\":\"transform\",\"output\":{\"v\":\"${params.x}\"}},"
                    + "{\"name\":\"b\",\"type\":\"transform\",\"output\":{\"w\":\"${a.v}\"}}"),
            json -> recorded.add(json));

    assertThat(ended.result()).isEqualTo(ExecutionRun.Result.COMPLETED);
    assertThat(ended.resultsJson()).isEqualTo("{\"a\":{\"v\":7},\"b\":{\"w\":7}}");
    assertThat(recorded).isEmpty();
  }

  @Test
  void run_stepWithAnEffect_recordsTheResultsBeforeIt() {
    List<String> recorded = new ArrayList<>();

    ExecutionRun.Ended ended =
        run.run(
            execution(
                "{\"name\":\"a\",\"type\":\"transform\",\"output\":{\"v\":1}},"
                    + "{\"name\":\"b\",\"type\":\"log\",\"message\":\"m\"}"),
            json -> recorded.add(json));

    assertThat(ended.result()).isEqualTo(ExecutionRun.Result.COMPLETED);
    assertThat(recorded).containsExactly("{\"a\":{\"v\":1}}");
    assertThat(ended.resultsJson()).isEqualTo("{\"a\":{\"v\":1},\"b\":\"logged\"}");
  }

  @Test
  void run_cancelledBeforeAStepWithAnEffect_stops() {
    List<String> recorded = new ArrayList<>();

    ExecutionRun.Ended ended =
        run.run(
            execution(
                "{\"name\":\"a\",\"type\":\"transform\",\"output\":{\"v\":1}},"
                    + "{\"name\":\"b\",\"type\":\"log\",\"message\":\"m\"},"
                    + "{\"name\":\"boom\",\"type\":\"fail\"}"),
            json -> !recorded.add(json));

    assertThat(ended.result()).isEqualTo(ExecutionRun.Result.STOPPED);
    assertThat(recorded).hasSize(1);
  }

  @Test
  void run_failingStep_propagatesAfterRecordingEarlierSteps() {
    List<String> recorded = new ArrayList<>();

    assertThatThrownBy(
            () ->
                run.run(
                    execution(
                        "{\"name\":\"a\",\"type\":\"log\",\"message\":\"m\"},"
                            + "{\"name\":\"boom\",\"type\":\"fail\",\"message\":\"no\"}"),
                    recorded::add))
        .isInstanceOf(StepFailedException.class)
        .hasMessageContaining("boom")
        .hasMessageContaining("no");
    assertThat(recorded).containsExactly("{\"a\":\"logged\"}");
  }

  @Test
  void messages_bodyRoundTripsTheExecutionId() {
    assertThat(ExecutionMessages.executionId(ExecutionMessages.body("abc"))).isEqualTo("abc");
  }
}
