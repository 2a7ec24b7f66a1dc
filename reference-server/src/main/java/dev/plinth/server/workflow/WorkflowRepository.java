package dev.plinth.server.workflow;

import dev.plinth.error.NotFoundException;
import dev.plinth.error.PreconditionFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
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
   * @return the workflow
   * @throws NotFoundException if there is none
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public WorkflowEntity get(String id) {
    WorkflowEntity workflow = em.find(WorkflowEntity.class, id);
    if (workflow == null) {
      throw new NotFoundException("No workflow with id '" + id + "'.");
    }
    return workflow;
  }

  /**
   * Replaces a workflow if it is still at the expected version; the version is incremented.
   *
   * @param id the id
   * @param expectedVersion the version the client last saw, or null to skip the check
   * @param input the validated input
   * @return the updated workflow
   * @throws PreconditionFailedException if the stored version differs
   */
  public WorkflowEntity replace(String id, Long expectedVersion, WorkflowInput input) {
    WorkflowEntity workflow = get(id);
    if (expectedVersion != null && workflow.version() != expectedVersion) {
      throw new PreconditionFailedException(
          "Workflow '"
              + id
              + "' is at version "
              + workflow.version()
              + ", not "
              + expectedVersion
              + "; GET it again and retry with its ETag in If-Match.");
    }
    workflow.apply(input, Instant.now());
    em.flush(); // a concurrent writer surfaces here as an OptimisticLockException (412)
    return workflow;
  }

  /**
   * Deletes a workflow.
   *
   * @param id the id
   * @throws NotFoundException if there is none
   */
  public void delete(String id) {
    em.remove(get(id));
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
