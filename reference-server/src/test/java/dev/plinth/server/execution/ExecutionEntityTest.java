package dev.plinth.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExecutionEntityTest {
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  private static ExecutionEntity queued() {
    return new ExecutionEntity(
        "e1", new WorkflowSnapshot("w1", 2, "{\"steps\":[]}"), "{}", "alice", null, NOW);
  }

  @Test
  void start_queued_runsAndCountsTheAttempt() {
    ExecutionEntity execution = queued();

    assertThat(execution.start(NOW)).isTrue();
    assertThat(execution.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(execution.attempts()).isEqualTo(1);
    assertThat(execution.startedAt()).isEqualTo(NOW);
  }

  @Test
  void start_afterFailedAttempt_keepsFirstStartTime() {
    ExecutionEntity execution = queued();
    execution.start(NOW);
    execution.failAttempt("boom");

    assertThat(execution.status()).isEqualTo(ExecutionStatus.QUEUED);
    assertThat(execution.error()).isEqualTo("boom");
    assertThat(execution.start(NOW.plusSeconds(5))).isTrue();
    assertThat(execution.attempts()).isEqualTo(2);
    assertThat(execution.startedAt()).isEqualTo(NOW);
  }

  @Test
  void start_finished_isRefused() {
    ExecutionEntity execution = queued();
    execution.start(NOW);
    execution.finish(ExecutionStatus.SUCCEEDED, null, NOW);

    assertThat(execution.start(NOW)).isFalse();
    assertThat(execution.attempts()).isEqualTo(1);
  }

  @Test
  void recordResults_afterCancel_isRefused() {
    ExecutionEntity execution = queued();
    execution.start(NOW);

    assertThat(execution.recordResults("{\"a\":1}")).isTrue();
    assertThat(execution.cancel(NOW)).isTrue();
    assertThat(execution.recordResults("{\"a\":1,\"b\":2}")).isFalse();
    assertThat(execution.resultsJson()).isEqualTo("{\"a\":1}");
  }

  @Test
  void finish_afterCancel_keepsCancelled() {
    ExecutionEntity execution = queued();
    execution.start(NOW);
    execution.cancel(NOW);

    assertThat(execution.finish(ExecutionStatus.SUCCEEDED, null, NOW)).isFalse();
    assertThat(execution.status()).isEqualTo(ExecutionStatus.CANCELLED);
  }

  @Test
  void finish_withNonFinalStatus_isRefused() {
    ExecutionEntity execution = queued();

    assertThat(execution.finish(ExecutionStatus.RUNNING, null, NOW)).isFalse();
    assertThat(execution.finish(ExecutionStatus.CANCELLED, null, NOW)).isFalse();
  }

  @Test
  void cancel_finished_isRefused() {
    ExecutionEntity execution = queued();
    execution.start(NOW);
    execution.finish(ExecutionStatus.DEAD_LETTERED, "boom", NOW);

    assertThat(execution.cancel(NOW)).isFalse();
    assertThat(execution.status()).isEqualTo(ExecutionStatus.DEAD_LETTERED);
  }

  @Test
  void requeue_deadLettered_clearsResultsAndError() {
    ExecutionEntity execution = queued();
    execution.start(NOW);
    execution.recordResults("{\"a\":1}");
    execution.finish(ExecutionStatus.DEAD_LETTERED, "boom", NOW);

    assertThat(execution.requeue()).isTrue();
    assertThat(execution.status()).isEqualTo(ExecutionStatus.QUEUED);
    assertThat(execution.resultsJson()).isEqualTo("{}");
    assertThat(execution.error()).isNull();
    assertThat(execution.finishedAt()).isNull();
    assertThat(execution.attempts()).isEqualTo(1);
  }

  @Test
  void requeue_succeededOrQueued_isRefused() {
    ExecutionEntity execution = queued();
    assertThat(execution.requeue()).isFalse();
    execution.start(NOW);
    execution.finish(ExecutionStatus.SUCCEEDED, null, NOW);
    assertThat(execution.requeue()).isFalse();
  }

  @Test
  void failAttempt_longReason_isTruncated() {
    ExecutionEntity execution = queued();
    execution.start(NOW);

    execution.failAttempt("x".repeat(10_000));

    assertThat(execution.error()).hasSize(ExecutionEntity.MAX_ERROR_LENGTH);
  }

  @Test
  void status_parse_roundTripsEveryId() {
    for (ExecutionStatus status : ExecutionStatus.values()) {
      assertThat(ExecutionStatus.parse(status.id())).contains(status);
    }
    assertThat(ExecutionStatus.parse("done")).isEmpty();
    assertThat(ExecutionStatus.DEAD_LETTERED.id()).isEqualTo("dead_lettered");
  }
}
