package dev.plinth.server.arquillian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.plinth.server.execution.ExecutionEntity;
import dev.plinth.server.execution.ExecutionRepository.Creation;
import dev.plinth.server.execution.ExecutionRepository.Filter;
import dev.plinth.server.execution.ExecutionRepository.Transition;
import dev.plinth.server.execution.ExecutionStatus;
import dev.plinth.server.workflow.WorkflowEntity;
import dev.plinth.server.workflow.WorkflowInput;
import dev.plinth.server.workflow.WorkflowStatus;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link dev.plinth.server.execution.ExecutionRepository} on the server's JPA provider and
 * database: creation rules, idempotency keys, versioned transitions, paging and filters. The
 * server's worker runs what is created, so scenarios wait for final states instead of racing it.
 */
interface ExecutionRepositoryScenarios {

  /** Generous: the worker runs on 2 shared cores. */
  Duration FINISH = Duration.ofSeconds(30);

  /**
   * @return the injected fixture
   */
  Fixture fixture();

  @Test
  default void create_activeWorkflow_storesQueuedExecutionThatFindReturns() {
    Fixture f = fixture();
    WorkflowEntity workflow = f.workflow(WorkflowStatus.ACTIVE, Fixture.succeeding());

    Creation created =
        f.executions.create(workflow.id(), "{\"who\":\"ada\"}", Fixture.CALLER, null);

    assertThat(created.outcome()).isEqualTo(Creation.Outcome.CREATED);
    assertThat(created.execution().status()).isEqualTo(ExecutionStatus.QUEUED);
    ExecutionEntity found = f.executions.find(created.execution().id()).orElseThrow();
    assertThat(found.workflowId()).isEqualTo(workflow.id());
    assertThat(found.workflowVersion()).isEqualTo(workflow.version());
    assertThat(found.paramsJson()).isEqualTo("{\"who\":\"ada\"}");
    assertThat(found.createdBy()).isEqualTo(Fixture.CALLER);
  }

  @Test
  default void create_inactiveOrUnknownWorkflow_isRefusedWithoutARow() {
    Fixture f = fixture();
    WorkflowEntity draft = f.workflow(WorkflowStatus.DRAFT, Fixture.succeeding());

    assertThat(f.executions.create(draft.id(), "{}", Fixture.CALLER, null).outcome())
        .isEqualTo(Creation.Outcome.WORKFLOW_NOT_ACTIVE);
    assertThat(f.executions.create("no-such-workflow", "{}", Fixture.CALLER, null).outcome())
        .isEqualTo(Creation.Outcome.WORKFLOW_NOT_FOUND);
    assertThat(f.executions.count(new Filter(draft.id(), null))).isZero();
  }

  @Test
  default void create_sameCallerSameKey_returnsTheFirstExecution() {
    Fixture f = fixture();
    WorkflowEntity workflow = f.workflow(WorkflowStatus.ACTIVE, Fixture.succeeding());
    String key = "key-" + UUID.randomUUID();

    Creation first = f.executions.create(workflow.id(), "{}", "alice", key);
    Creation again = f.executions.create(workflow.id(), "{}", "alice", key);
    Creation otherCaller = f.executions.create(workflow.id(), "{}", "bob", key);

    assertThat(first.outcome()).isEqualTo(Creation.Outcome.CREATED);
    assertThat(again.outcome()).isEqualTo(Creation.Outcome.EXISTING);
    assertThat(again.execution().id()).isEqualTo(first.execution().id());
    assertThat(otherCaller.outcome()).isEqualTo(Creation.Outcome.CREATED);
    assertThat(otherCaller.execution().id()).isNotEqualTo(first.execution().id());
    assertThat(f.executions.findByKey("alice", key).orElseThrow().id())
        .isEqualTo(first.execution().id());
    assertThat(f.executions.count(new Filter(workflow.id(), null))).isEqualTo(2);
  }

  @Test
  default void insert_sameCallerAndKeyTwice_isRefusedByTheDatabase() throws Exception {
    Fixture f = fixture();
    WorkflowEntity workflow = f.workflow(WorkflowStatus.ACTIVE, Fixture.succeeding());
    ExecutionEntity first =
        f.executions.create(workflow.id(), "{}", "carol", "key-" + UUID.randomUUID()).execution();
    UserTransaction tx = f.transaction;

    tx.begin();
    try {
      assertThatThrownBy(() -> f.insertDuplicateOf(first))
          .satisfies(
              e ->
                  assertThat(Fixture.causes(e))
                      .hasAtLeastOneElementOfType(PersistenceException.class));
    } finally {
      tx.rollback();
    }
    assertThat(f.executions.count(new Filter(workflow.id(), null))).isEqualTo(1);
  }

  @Test
  default void update_transitions_incrementTheVersionOnlyWhenTheyApply() {
    Fixture f = fixture();
    WorkflowEntity workflow = f.workflow(WorkflowStatus.ACTIVE, Fixture.failing());
    String id = f.executions.create(workflow.id(), "{}", Fixture.CALLER, null).execution().id();
    // The worker runs it: the step's host is not allowed, so it fails at once, never retried.
    await()
        .atMost(FINISH)
        .until(() -> f.executions.find(id).orElseThrow().status() == ExecutionStatus.FAILED);
    long failedVersion = f.executions.find(id).orElseThrow().version();

    Transition requeued = f.executions.update(id, ExecutionEntity::requeue);
    Transition cancelled = f.executions.update(id, e -> e.cancel(Instant.now()));
    Transition cancelledAgain = f.executions.update(id, e -> e.cancel(Instant.now()));

    assertThat(requeued.changed()).isTrue();
    assertThat(requeued.execution().version()).isEqualTo(failedVersion + 1);
    assertThat(cancelled.changed()).isTrue();
    assertThat(cancelled.execution().version()).isEqualTo(failedVersion + 2);
    assertThat(cancelledAgain.changed()).isFalse();
    ExecutionEntity stored = f.executions.find(id).orElseThrow();
    assertThat(stored.status()).isEqualTo(ExecutionStatus.CANCELLED);
    assertThat(stored.version()).isEqualTo(failedVersion + 2);
    assertThat(f.executions.update("no-such-execution", e -> true).found()).isFalse();
  }

  @Test
  default void list_byWorkflowAndStatus_pagesNewestFirstAndCounts() {
    Fixture f = fixture();
    WorkflowEntity workflow = f.workflow(WorkflowStatus.ACTIVE, Fixture.succeeding());
    String oldest = f.executions.create(workflow.id(), "{}", Fixture.CALLER, null).execution().id();
    String middle = f.executions.create(workflow.id(), "{}", Fixture.CALLER, null).execution().id();
    // Executions keep the definition they were created with: this one fails, the others succeed.
    f.workflows.replace(
        workflow.id(),
        null,
        new WorkflowInput("now failing", WorkflowStatus.ACTIVE, Fixture.failing()));
    String newest = f.executions.create(workflow.id(), "{}", Fixture.CALLER, null).execution().id();
    Filter all = new Filter(workflow.id(), null);
    Filter succeeded = new Filter(workflow.id(), ExecutionStatus.SUCCEEDED);
    Filter failed = new Filter(workflow.id(), ExecutionStatus.FAILED);
    await()
        .atMost(FINISH)
        .until(() -> f.executions.count(succeeded) == 2 && f.executions.count(failed) == 1);

    List<ExecutionEntity> firstPage = f.executions.list(all, 0, 2);
    List<ExecutionEntity> secondPage = f.executions.list(all, 1, 2);

    assertThat(f.executions.count(all)).isEqualTo(3);
    assertThat(firstPage).extracting(ExecutionEntity::id).containsExactly(newest, middle);
    assertThat(secondPage).extracting(ExecutionEntity::id).containsExactly(oldest);
    assertThat(f.executions.list(succeeded, 0, 10))
        .extracting(ExecutionEntity::id)
        .containsExactlyInAnyOrder(oldest, middle);
    assertThat(f.executions.list(failed, 0, 10))
        .extracting(ExecutionEntity::id)
        .containsExactly(newest);
    assertThat(f.executions.list(new Filter(null, ExecutionStatus.FAILED), 0, 100))
        .extracting(ExecutionEntity::status)
        .containsOnly(ExecutionStatus.FAILED);
  }
}
