package dev.plinth.server.arquillian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plinth.server.execution.Admission;
import dev.plinth.server.execution.ExecutionEntity;
import dev.plinth.server.execution.ExecutionStatus;
import dev.plinth.server.workflow.WorkflowEntity;
import dev.plinth.server.workflow.WorkflowStatus;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A delay step pauses its execution: the checkpoint ({@code resume_at}, results) and the outbox row
 * of its continuation (delivered at the delay's end) commit or roll back together, and only the
 * continuation may resume it.
 */
interface DelayScenarios {
  /** Generous: the relay and the worker on 2 shared cores. */
  Duration PAUSED = Duration.ofSeconds(30);

  /**
   * @return the injected fixture
   */
  Fixture fixture();

  /** Starts an execution of a ten-minute delay and waits until the worker paused it. */
  private ExecutionEntity paused() {
    Fixture f = fixture();
    WorkflowEntity workflow = f.workflow(WorkflowStatus.ACTIVE, Fixture.waiting());
    String id = f.executions.create(workflow.id(), "{}", Fixture.CALLER, null).execution().id();
    await().atMost(PAUSED).until(() -> f.executions.find(id).orElseThrow().resumeAt() != null);
    return f.executions.find(id).orElseThrow();
  }

  @Test
  default void delay_pausesWithAContinuationDeliveredAtItsEnd() {
    Fixture f = fixture();

    ExecutionEntity paused = paused();

    assertThat(paused.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(paused.resultsJson()).contains("\"wait\"");
    assertThat(f.continuations(paused.id())).containsExactly(paused.resumeAt());
    // A copy of the first message does nothing; an early continuation writes itself again.
    assertThat(f.executions.admit(paused.id(), null, Instant.now()).admission())
        .isEqualTo(Admission.IGNORE);
    assertThat(f.executions.admit(paused.id(), paused.resumeAt(), Instant.now()).admission())
        .isEqualTo(Admission.EARLY);
    assertThat(f.continuations(paused.id())).containsExactly(paused.resumeAt(), paused.resumeAt());
    assertThat(f.executions.update(paused.id(), e -> e.cancel(Instant.now())).changed()).isTrue();
  }

  @Test
  default void suspend_rolledBack_leavesNeitherTheCheckpointNorTheContinuation() throws Exception {
    Fixture f = fixture();
    ExecutionEntity paused = paused();
    UserTransaction tx = f.transaction;

    tx.begin();
    try {
      Instant later = paused.resumeAt().plusSeconds(60);
      assertThat(f.executions.suspend(paused.id(), "{\"other\":1}", later).changed()).isTrue();
    } finally {
      tx.rollback();
    }

    ExecutionEntity after = f.executions.find(paused.id()).orElseThrow();
    assertThat(after.resumeAt()).isEqualTo(paused.resumeAt());
    assertThat(after.resultsJson()).isEqualTo(paused.resultsJson());
    assertThat(f.continuations(paused.id())).containsExactly(paused.resumeAt());
    assertThat(f.executions.update(paused.id(), e -> e.cancel(Instant.now())).changed()).isTrue();
  }
}
