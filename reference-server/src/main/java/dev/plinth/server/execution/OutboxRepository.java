package dev.plinth.server.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Reads unsent outbox rows and marks them sent, each in a short transaction. */
@ApplicationScoped
@Transactional
public class OutboxRepository {
  @PersistenceContext(unitName = "plinth")
  EntityManager em;

  /**
   * Returns the oldest unsent rows.
   *
   * @param max at most this many
   * @return the rows, oldest first
   */
  public List<OutboxEntity> unsent(int max) {
    return em.createQuery(
            "SELECT o FROM OutboxEntity o WHERE o.sentAt IS NULL ORDER BY o.createdAt, o.id",
            OutboxEntity.class)
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * Marks a row sent.
   *
   * @param id the row id
   */
  public void markSent(String id) {
    OutboxEntity row = em.find(OutboxEntity.class, id);
    if (row != null) {
      row.markSent(Instant.now());
    }
  }

  /**
   * Deletes rows sent before a time, so the table does not grow forever.
   *
   * @param before the cut-off
   * @return how many rows were deleted
   */
  public int purgeSent(Instant before) {
    return em.createQuery("DELETE FROM OutboxEntity o WHERE o.sentAt < :before")
        .setParameter("before", before)
        .executeUpdate();
  }
}
