package dev.plinth.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which queue messages may run an execution around a pending delay step. */
class ExecutionAdmissionTest {
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant UNTIL = NOW.plusSeconds(60);

  private static ExecutionEntity queued() {
    return new ExecutionEntity(
        "e1", new WorkflowSnapshot("w1", 1, "{\"steps\":[]}"), "{}", "alice", null, NOW);
  }

  /** Running, paused at a delay that ends at {@link #UNTIL}. */
  private static ExecutionEntity paused() {
    ExecutionEntity execution = queued();
    execution.admit(null, NOW);
    assertThat(execution.suspend("{\"wait\":{}}", UNTIL)).isTrue();
    return execution;
  }

  @Test
  void admit_noDelayPending_startsAnAttempt() {
    ExecutionEntity execution = queued();

    assertThat(execution.admit(null, NOW)).isEqualTo(Admission.RUN);
    assertThat(execution.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(execution.attempts()).isEqualTo(1);
  }

  @Test
  void suspend_recordsResultsAndTheResumeTime() {
    ExecutionEntity execution = paused();

    assertThat(execution.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(execution.resultsJson()).isEqualTo("{\"wait\":{}}");
    assertThat(execution.resumeAt()).isEqualTo(UNTIL);
  }

  @Test
  void admit_continuationBeforeTheDelayEnds_isEarlyAndKeepsTheDelay() {
    ExecutionEntity execution = paused();

    assertThat(execution.admit(UNTIL, UNTIL.minusMillis(1))).isEqualTo(Admission.EARLY);
    assertThat(execution.resumeAt()).isEqualTo(UNTIL);
    assertThat(execution.attempts()).isEqualTo(1);
  }

  @Test
  void admit_dueContinuation_resumesWithoutCountingAnAttempt() {
    ExecutionEntity execution = paused();

    assertThat(execution.admit(UNTIL, UNTIL)).isEqualTo(Admission.RUN);
    assertThat(execution.resumeAt()).isNull();
    assertThat(execution.attempts()).isEqualTo(1);
    assertThat(execution.status()).isEqualTo(ExecutionStatus.RUNNING);
  }

  @Test
  void admit_otherMessageWhileDelayPending_isIgnored() {
    ExecutionEntity execution = paused();

    assertThat(execution.admit(null, UNTIL.plusSeconds(1))).isEqualTo(Admission.IGNORE);
    assertThat(execution.admit(NOW, UNTIL.plusSeconds(1))).isEqualTo(Admission.IGNORE);
    assertThat(execution.resumeAt()).isEqualTo(UNTIL);
    assertThat(execution.attempts()).isEqualTo(1);
  }

  @Test
  void admit_continuationAfterCancelDuringTheDelay_isIgnored() {
    ExecutionEntity execution = paused();

    assertThat(execution.cancel(NOW.plusSeconds(1))).isTrue();

    assertThat(execution.admit(UNTIL, UNTIL)).isEqualTo(Admission.IGNORE);
    assertThat(execution.status()).isEqualTo(ExecutionStatus.CANCELLED);
    assertThat(execution.resumeAt()).isNull();
  }

  @Test
  void suspend_afterCancel_isRefused() {
    ExecutionEntity execution = queued();
    execution.admit(null, NOW);
    execution.cancel(NOW);

    assertThat(execution.suspend("{}", UNTIL)).isFalse();
    assertThat(execution.resumeAt()).isNull();
  }

  @Test
  void admit_queuedWithDelayPending_startsAnAttemptAndWaitsOutTheRest() {
    ExecutionEntity execution = paused();
    execution.failAttempt("restored from a backup"); // queued with the delay pending

    assertThat(execution.admit(null, NOW.plusSeconds(1))).isEqualTo(Admission.EARLY);
    assertThat(execution.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(execution.attempts()).isEqualTo(2);
    assertThat(execution.admit(UNTIL, UNTIL)).isEqualTo(Admission.RUN);
    assertThat(execution.attempts()).isEqualTo(2);
  }

  @Test
  void requeue_clearsThePendingDelay() {
    ExecutionEntity execution = paused();
    execution.finish(ExecutionStatus.DEAD_LETTERED, "x", NOW);

    assertThat(execution.requeue()).isTrue();
    assertThat(execution.resumeAt()).isNull();
    assertThat(execution.admit(null, NOW)).isEqualTo(Admission.RUN);
  }
}
