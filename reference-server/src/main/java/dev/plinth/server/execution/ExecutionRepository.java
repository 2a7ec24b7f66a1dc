package dev.plinth.server.execution;

import dev.plinth.server.workflow.WorkflowEntity;
import dev.plinth.server.workflow.WorkflowStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Stores executions; every state change is one short transaction. Expected outcomes (not found,
 * wrong state) are returned, not thrown: an exception leaving a transactional method is logged by
 * the server as an incident.
 */
@ApplicationScoped
@Transactional
public class ExecutionRepository {
  /** The queue executions are announced on. */
  public static final String QUEUE = "executions";

  @PersistenceContext(unitName = "plinth")
  EntityManager em;

  /**
   * Creates a queued execution and its outbox message in ONE transaction, unless the caller already
   * created one with the same idempotency key.
   *
   * @param workflowId the workflow to run
   * @param paramsJson the parameters (JSON object text)
   * @param caller the caller's subject
   * @param idempotencyKey the Idempotency-Key, or null
   * @return the outcome
   */
  public Creation create(
      String workflowId, String paramsJson, String caller, String idempotencyKey) {
    if (idempotencyKey != null) {
      Optional<ExecutionEntity> existing = findByKey(caller, idempotencyKey);
      if (existing.isPresent()) {
        return new Creation(Creation.Outcome.EXISTING, existing.get());
      }
    }
    WorkflowEntity workflow = em.find(WorkflowEntity.class, workflowId);
    if (workflow == null) {
      return new Creation(Creation.Outcome.WORKFLOW_NOT_FOUND, null);
    }
    if (workflow.status() != WorkflowStatus.ACTIVE) {
      return new Creation(Creation.Outcome.WORKFLOW_NOT_ACTIVE, null);
    }
    Instant now = Instant.now();
    ExecutionEntity execution =
        new ExecutionEntity(
            UUID.randomUUID().toString(),
            new WorkflowSnapshot(workflow.id(), workflow.version(), workflow.definitionJson()),
            paramsJson,
            caller,
            idempotencyKey,
            now);
    em.persist(execution);
    em.persist(
        new OutboxEntity(
            UUID.randomUUID().toString(),
            QUEUE,
            execution.id(),
            ExecutionMessages.body(execution.id()),
            now));
    em.flush(); // a concurrent duplicate key surfaces here, before the response
    return new Creation(Creation.Outcome.CREATED, execution);
  }

  /**
   * Finds an execution.
   *
   * @param id the id
   * @return the execution, or empty
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ExecutionEntity> find(String id) {
    return Optional.ofNullable(em.find(ExecutionEntity.class, id));
  }

  /**
   * Finds the execution a caller created with an idempotency key.
   *
   * @param caller the caller's subject
   * @param idempotencyKey the key
   * @return the execution, or empty
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ExecutionEntity> findByKey(String caller, String idempotencyKey) {
    return em
        .createQuery(
            "SELECT e FROM ExecutionEntity e WHERE e.createdBy = :caller"
                + " AND e.idempotencyKey = :key",
            ExecutionEntity.class)
        .setParameter("caller", caller)
        .setParameter("key", idempotencyKey)
        .getResultList()
        .stream()
        .findFirst();
  }

  /**
   * Applies a state transition in its own transaction.
   *
   * @param id the execution id
   * @param transition changes the entity; returns false when it does not apply
   * @return the outcome
   */
  public Transition update(String id, Predicate<ExecutionEntity> transition) {
    // Row lock: a cancel and a worker's transition serialize instead of failing on the version
    // (an exception leaving this method would be an incident); the transaction is short.
    ExecutionEntity execution = em.find(ExecutionEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (execution == null) {
      return new Transition(false, false, null);
    }
    boolean changed = transition.test(execution);
    if (changed) {
      em.flush();
    }
    return new Transition(true, changed, execution);
  }

  /**
   * Puts a dead-lettered execution back to queued and writes a fresh outbox row, in one
   * transaction, so a redriven execution is never stranded.
   *
   * @param id the execution id
   * @param messageId the id of the new message
   * @return the outcome
   */
  public Transition requeue(String id, String messageId) {
    Transition result = update(id, ExecutionEntity::requeue);
    if (result.changed()) {
      announce(messageId, ExecutionMessages.body(id), null);
    }
    return result;
  }

  /**
   * Lets a message of the {@code executions} queue in (see {@link ExecutionEntity#admit}); for a
   * continuation that came before its delay ended, writes the continuation again for the remaining
   * time in the same transaction, so it is never lost.
   *
   * @param id the execution id
   * @param token the end of the delay the message continues after, or null
   * @param now the arrival time
   * @return what the message may do, and the execution (null when not found)
   */
  public Admitted admit(String id, Instant token, Instant now) {
    ExecutionEntity execution = em.find(ExecutionEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (execution == null) {
      return new Admitted(Admission.IGNORE, null);
    }
    Admission admission = execution.admit(token, now);
    if (admission == Admission.EARLY) {
      continuation(execution);
    }
    em.flush();
    return new Admitted(admission, execution);
  }

  /**
   * Pauses a running execution at a delay step and writes the message that resumes it, delivered
   * when the delay ends, in ONE transaction: the checkpoint and the send commit together.
   *
   * @param id the execution id
   * @param resultsJson the results so far, the delay's among them
   * @param until when the delay ends
   * @return the outcome; unchanged (nothing sent) when the execution was cancelled meanwhile
   */
  public Transition suspend(String id, String resultsJson, Instant until) {
    Transition result = update(id, e -> e.suspend(resultsJson, until));
    if (result.changed()) {
      continuation(result.execution());
    }
    return result;
  }

  private void continuation(ExecutionEntity execution) {
    Instant until = execution.resumeAt();
    // A new message id each time: the broker may remember an earlier continuation's.
    announce(
        execution.id() + ":resume-" + UUID.randomUUID(),
        ExecutionMessages.continuation(execution.id(), until),
        until);
  }

  private void announce(String messageId, String body, Instant deliverAt) {
    em.persist(
        new OutboxEntity(
            UUID.randomUUID().toString(), QUEUE, messageId, body, Instant.now(), deliverAt));
  }

  /**
   * Lists executions, newest first.
   *
   * @param filter the workflow and status filters (null members match all)
   * @param page the zero-based page
   * @param size the page size
   * @return the page
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ExecutionEntity> list(Filter filter, int page, int size) {
    TypedQuery<ExecutionEntity> query =
        filter.bind(
            em.createQuery(
                "SELECT e FROM ExecutionEntity e"
                    + filter.where()
                    + " ORDER BY e.createdAt DESC, e.id",
                ExecutionEntity.class));
    return query.setFirstResult(page * size).setMaxResults(size).getResultList();
  }

  /**
   * Counts executions.
   *
   * @param filter the filters
   * @return the count
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public long count(Filter filter) {
    return filter
        .bind(em.createQuery("SELECT COUNT(e) FROM ExecutionEntity e" + filter.where(), Long.class))
        .getSingleResult();
  }

  /**
   * List filters.
   *
   * @param workflowId only this workflow, or null
   * @param status only this status, or null
   */
  public record Filter(String workflowId, ExecutionStatus status) {
    String where() {
      if (workflowId == null && status == null) {
        return "";
      }
      if (workflowId == null) {
        return " WHERE e.status = :status";
      }
      return status == null
          ? " WHERE e.workflowId = :workflow"
          : " WHERE e.workflowId = :workflow AND e.status = :status";
    }

    <T> TypedQuery<T> bind(TypedQuery<T> query) {
      if (workflowId != null) {
        query.setParameter("workflow", workflowId);
      }
      if (status != null) {
        query.setParameter("status", status.id());
      }
      return query;
    }
  }

  /**
   * The result of {@link #create}.
   *
   * @param outcome what happened
   * @param execution the new or existing execution, or null
   */
  public record Creation(Outcome outcome, ExecutionEntity execution) {
    /** What a create did. */
    public enum Outcome {
      /** A new execution was queued. */
      CREATED,
      /** The caller's idempotency key already named this execution. */
      EXISTING,
      /** No such workflow. */
      WORKFLOW_NOT_FOUND,
      /** The workflow is not active. */
      WORKFLOW_NOT_ACTIVE
    }
  }

  /**
   * The result of a state transition.
   *
   * @param found whether the execution exists
   * @param changed whether the transition applied
   * @param execution the execution after the transition, or null when not found
   */
  public record Transition(boolean found, boolean changed, ExecutionEntity execution) {}

  /**
   * The result of {@link #admit}.
   *
   * @param admission what the message may do
   * @param execution the execution after the decision, or null when not found
   */
  public record Admitted(Admission admission, ExecutionEntity execution) {}
}
