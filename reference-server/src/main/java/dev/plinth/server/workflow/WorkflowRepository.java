package dev.plinth.server.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores workflows (JPA, container-managed transactions). */
@ApplicationScoped
@Transactional
public class WorkflowRepository {
  @PersistenceContext(unitName = "plinth")
  EntityManager em;

  /**
   * Stores a new workflow at version 1.
   *
   * @param input the validated input
   * @param createdBy the creator's subject
   * @return the stored workflow
   */
  public WorkflowEntity create(WorkflowInput input, String createdBy) {
    WorkflowEntity workflow =
        new WorkflowEntity(UUID.randomUUID().toString(), createdBy, Instant.now());
    workflow.apply(input, workflow.createdAt());
    em.persist(workflow);
    em.flush();
    return workflow;
  }

  /**
   * Finds a workflow.
   *
   * @param id the id
   * @return the workflow, or empty
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<WorkflowEntity> find(String id) {
    return Optional.ofNullable(em.find(WorkflowEntity.class, id));
  }

  /**
   * Replaces a workflow if it is still at the expected version; the version is incremented.
   * Expected outcomes are returned, not thrown: an exception leaving a transactional method is
   * logged by the server as an incident.
   *
   * @param id the id
   * @param expectedVersion the version the client last saw, or null to skip the check
   * @param input the validated input
   * @return the outcome and, unless not found, the workflow (updated, or as stored when stale)
   */
  public Replacement replace(String id, Long expectedVersion, WorkflowInput input) {
    WorkflowEntity workflow = em.find(WorkflowEntity.class, id);
    if (workflow == null) {
      return new Replacement(Replacement.Outcome.NOT_FOUND, null);
    }
    if (expectedVersion != null && workflow.version() != expectedVersion) {
      return new Replacement(Replacement.Outcome.STALE, workflow);
    }
    workflow.apply(input, Instant.now());
    em.flush(); // a concurrent writer surfaces here as an OptimisticLockException (412)
    return new Replacement(Replacement.Outcome.REPLACED, workflow);
  }

  /**
   * Deletes a workflow.
   *
   * @param id the id
   * @return false if there was none
   */
  public boolean delete(String id) {
    WorkflowEntity workflow = em.find(WorkflowEntity.class, id);
    if (workflow == null) {
      return false;
    }
    em.remove(workflow);
    return true;
  }

  /**
   * The result of {@link #replace}.
   *
   * @param outcome what happened
   * @param workflow the workflow, or null when not found
   */
  public record Replacement(Outcome outcome, WorkflowEntity workflow) {
    /** What a replace did. */
    public enum Outcome {
      /** Updated; the version was incremented. */
      REPLACED,
      /** Not updated: the stored version differs from the expected one. */
      STALE,
      /** No such workflow. */
      NOT_FOUND
    }
  }

  /**
   * Lists workflows, newest first.
   *
   * @param status only this status, or null for all
   * @param page the zero-based page
   * @param size the page size
   * @return the page
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<WorkflowEntity> list(WorkflowStatus status, int page, int size) {
    TypedQuery<WorkflowEntity> query =
        status == null
            ? em.createQuery(
                "SELECT w FROM WorkflowEntity w ORDER BY w.createdAt DESC, w.id",
                WorkflowEntity.class)
            : em.createQuery(
                    "SELECT w FROM WorkflowEntity w WHERE w.status = :status"
                        + " ORDER BY w.createdAt DESC, w.id",
                    WorkflowEntity.class)
                .setParameter("status", status.id());
    return query.setFirstResult(page * size).setMaxResults(size).getResultList();
  }

  /**
   * Counts workflows.
   *
   * @param status only this status, or null for all
   * @return the count
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public long count(WorkflowStatus status) {
    return status == null
        ? em.createQuery("SELECT COUNT(w) FROM WorkflowEntity w", Long.class).getSingleResult()
        : em.createQuery(
                "SELECT COUNT(w) FROM WorkflowEntity w WHERE w.status = :status", Long.class)
            .setParameter("status", status.id())
            .getSingleResult();
  }
}
