package dev.plinth.server.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.server.execution.steps.DelayStep;
import dev.plinth.server.execution.steps.FailStep;
import dev.plinth.server.execution.steps.StepFailedException;
import dev.plinth.server.execution.steps.StepRunners;
import dev.plinth.server.execution.steps.TransformStep;
import jakarta.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionRunTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final ExecutionRun run =
      new ExecutionRun(
          new StepRunners(
              Map.of(
                  "transform", new TransformStep(),
                  "fail", new FailStep(),
                  "delay", new DelayStep(Duration.ofHours(1), Clock.fixed(T0, ZoneOffset.UTC)),
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

  /** An execution whose results so far are already recorded (a later attempt or a resume). */
  private static ExecutionEntity resumed(String steps, String results) {
    ExecutionEntity execution = execution(steps);
    execution.start(T0);
    execution.recordResults(results);
    return execution;
  }

  @Test
  void run_withRecordedResults_resumesAfterTheLastRecordedStep() {
    List<String> recorded = new ArrayList<>();

    ExecutionRun.Ended ended =
        run.run(
            resumed(
                "{\"name\":\"a\",\"type\":\"log\",\"message\":\"m\"},"
                    + "{\"name\":\"b\",\"type\":\"fail\",\"message\":\"must not run\"},"
                    + "{\"name\":\"c\",\"type\":\"transform\",\"output\":{\"v\":\"${b.x}\"}}",
                "{\"a\":\"logged\",\"b\":{\"x\":5}}"),
            recorded::add);

    assertThat(ended.result()).isEqualTo(ExecutionRun.Result.COMPLETED);
    assertThat(ended.resultsJson()).isEqualTo("{\"a\":\"logged\",\"b\":{\"x\":5},\"c\":{\"v\":5}}");
    assertThat(recorded).isEmpty();
  }

  @Test
  void run_everyStepRecorded_completesWithoutRunningAny() {
    ExecutionRun.Ended ended =
        run.run(resumed("{\"name\":\"boom\",\"type\":\"fail\"}", "{\"boom\":1}"), json -> true);

    assertThat(ended.result()).isEqualTo(ExecutionRun.Result.COMPLETED);
    assertThat(ended.resultsJson()).isEqualTo("{\"boom\":1}");
  }

  @Test
  void run_delayStep_pausesWithItsResultAndTheResumeTime() {
    List<String> recorded = new ArrayList<>();

    ExecutionRun.Ended ended =
        run.run(
            execution(
                "{\"name\":\"a\",\"type\":\"log\",\"message\":\"m\"},"
                    + "{\"name\":\"wait\",\"type\":\"delay\",\"durationMs\":3000},"
                    + "{\"name\":\"boom\",\"type\":\"fail\"}"),
            recorded::add);

    assertThat(ended.result()).isEqualTo(ExecutionRun.Result.PAUSED);
    assertThat(ended.resumeAt()).isEqualTo(T0.plusSeconds(3));
    assertThat(ended.resultsJson())
        .isEqualTo(
            "{\"a\":\"logged\",\"wait\":{\"delayedMs\":3000,\"until\":\"2026-01-01T00:00:03Z\"}}");
    assertThat(recorded).containsExactly("{\"a\":\"logged\"}"); // the pause records the delay
  }

  @Test
  void run_afterADelay_goesOnWithTheNextStep() {
    ExecutionRun.Ended ended =
        run.run(
            resumed(
                "{\"name\":\"wait\",\"type\":\"delay\",\"durationMs\":3000},"
                    + "{\"name\":\"b\",\"type\":\"transform\",\"output\":{\"v\":1}}",
                "{\"wait\":{\"delayedMs\":3000,\"until\":\"2026-01-01T00:00:03Z\"}}"),
            json -> true);

    assertThat(ended.result()).isEqualTo(ExecutionRun.Result.COMPLETED);
    assertThat(ended.resultsJson()).endsWith(",\"b\":{\"v\":1}}");
  }

  @Test
  void messages_continuationCarriesTheResumeTime() {
    ExecutionMessages.Parsed parsed =
        ExecutionMessages.parse(ExecutionMessages.continuation("abc", T0));

    assertThat(parsed.executionId()).isEqualTo("abc");
    assertThat(parsed.resumeAt()).isEqualTo(T0);
    assertThat(ExecutionMessages.parse(ExecutionMessages.body("abc")).resumeAt()).isNull();
  }

  @Test
  void messages_bodyRoundTripsTheExecutionId() {
    assertThat(ExecutionMessages.executionId(ExecutionMessages.body("abc"))).isEqualTo("abc");
  }
}
