package dev.plinth.server.arquillian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.server.workflow.WorkflowEntity;
import dev.plinth.server.workflow.WorkflowInput;
import dev.plinth.server.workflow.WorkflowRepository.Replacement;
import dev.plinth.server.workflow.WorkflowStatus;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.UserTransaction;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link dev.plinth.server.workflow.WorkflowRepository} on the server's JPA provider and database:
 * versions, optimistic concurrency, paging and status filters.
 */
interface WorkflowRepositoryScenarios {

  /**
   * @return the injected fixture
   */
  Fixture fixture();

  @Test
  default void create_storesVersionOneThatFindReturns() {
    Fixture f = fixture();

    WorkflowEntity created = f.workflow(WorkflowStatus.DRAFT, Fixture.succeeding());

    WorkflowEntity found = f.workflows.find(created.id()).orElseThrow();
    assertThat(found.version()).isEqualTo(1);
    assertThat(found.name()).isEqualTo(created.name());
    assertThat(found.status()).isEqualTo(WorkflowStatus.DRAFT);
    assertThat(found.createdBy()).isEqualTo(Fixture.CALLER);
    assertThat(found.definitionJson()).contains("\"type\":\"log\"");
  }

  @Test
  default void replace_atCurrentVersion_storesItAndIncrementsTheVersion() {
    Fixture f = fixture();
    WorkflowEntity created = f.workflow(WorkflowStatus.DRAFT, Fixture.succeeding());

    Replacement replaced =
        f.workflows.replace(
            created.id(),
            1L,
            new WorkflowInput("renamed", WorkflowStatus.ACTIVE, Fixture.failing()));

    assertThat(replaced.outcome()).isEqualTo(Replacement.Outcome.REPLACED);
    WorkflowEntity found = f.workflows.find(created.id()).orElseThrow();
    assertThat(found.version()).isEqualTo(2);
    assertThat(found.name()).isEqualTo("renamed");
    assertThat(found.status()).isEqualTo(WorkflowStatus.ACTIVE);
    assertThat(found.definitionJson()).contains("\"type\":\"http\"");
  }

  @Test
  default void replace_atStaleVersion_isStaleAndChangesNothing() {
    Fixture f = fixture();
    WorkflowEntity created = f.workflow(WorkflowStatus.DRAFT, Fixture.succeeding());
    WorkflowInput edit = new WorkflowInput("edit", WorkflowStatus.DRAFT, Fixture.succeeding());
    f.workflows.replace(created.id(), 1L, edit);

    Replacement stale = f.workflows.replace(created.id(), 1L, edit);

    assertThat(stale.outcome()).isEqualTo(Replacement.Outcome.STALE);
    assertThat(stale.workflow().version()).isEqualTo(2);
    assertThat(f.workflows.find(created.id()).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  default void replace_unknownId_isNotFound() {
    Replacement missing =
        fixture()
            .workflows
            .replace(
                "no-such-workflow",
                null,
                new WorkflowInput("x", WorkflowStatus.DRAFT, Fixture.succeeding()));

    assertThat(missing.outcome()).isEqualTo(Replacement.Outcome.NOT_FOUND);
  }

  @Test
  default void replace_concurrentWriterCommittedFirst_failsWithOptimisticLock() throws Exception {
    Fixture f = fixture();
    WorkflowEntity created = f.workflow(WorkflowStatus.DRAFT, Fixture.succeeding());
    UserTransaction tx = f.transaction;

    tx.begin();
    try {
      // This transaction reads version 1 ...
      assertThat(f.workflows.find(created.id()).orElseThrow().version()).isEqualTo(1);
      // ... another one commits version 2 meanwhile ...
      f.replaceInOwnTransaction(
          created.id(), new WorkflowInput("first", WorkflowStatus.DRAFT, Fixture.succeeding()));
      // ... so writing the copy read at version 1 must not overwrite it.
      WorkflowInput late = new WorkflowInput("second", WorkflowStatus.DRAFT, Fixture.succeeding());
      assertThatThrownBy(() -> f.workflows.replace(created.id(), null, late))
          .satisfies(
              e ->
                  assertThat(Fixture.causes(e))
                      .hasAtLeastOneElementOfType(OptimisticLockException.class));
    } finally {
      tx.rollback();
    }

    WorkflowEntity stored = f.workflows.find(created.id()).orElseThrow();
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.name()).isEqualTo("first");
  }

  @Test
  default void list_byStatus_pagesNewestFirstAndCounts() {
    Fixture f = fixture();
    long before = f.workflows.count(WorkflowStatus.ARCHIVED);
    WorkflowEntity oldest = f.workflow(WorkflowStatus.ARCHIVED, Fixture.succeeding());
    WorkflowEntity middle = f.workflow(WorkflowStatus.ARCHIVED, Fixture.succeeding());
    WorkflowEntity newest = f.workflow(WorkflowStatus.ARCHIVED, Fixture.succeeding());
    f.workflow(WorkflowStatus.DRAFT, Fixture.succeeding());

    List<WorkflowEntity> first = f.workflows.list(WorkflowStatus.ARCHIVED, 0, 2);
    List<WorkflowEntity> second = f.workflows.list(WorkflowStatus.ARCHIVED, 1, 2);

    assertThat(f.workflows.count(WorkflowStatus.ARCHIVED)).isEqualTo(before + 3);
    assertThat(first).extracting(WorkflowEntity::id).containsExactly(newest.id(), middle.id());
    assertThat(second).extracting(WorkflowEntity::id).first().isEqualTo(oldest.id());
    assertThat(f.workflows.list(WorkflowStatus.ARCHIVED, 0, 100))
        .extracting(WorkflowEntity::status)
        .containsOnly(WorkflowStatus.ARCHIVED);
    assertThat(f.workflows.list(null, 0, 100)).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  default void delete_removesTheWorkflowOnce() {
    Fixture f = fixture();
    WorkflowEntity created = f.workflow(WorkflowStatus.DRAFT, Fixture.succeeding());

    assertThat(f.workflows.delete(created.id())).isTrue();
    assertThat(f.workflows.find(created.id())).isEmpty();
    assertThat(f.workflows.delete(created.id())).isFalse();
  }
}
