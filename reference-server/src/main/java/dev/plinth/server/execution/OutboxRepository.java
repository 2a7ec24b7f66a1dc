package dev.plinth.server.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** Relays unsent outbox rows in batches and purges old sent ones, each in one short transaction. */
@ApplicationScoped
@Transactional
public class OutboxRepository {
  /**
   * Unsent rows, locked for the claiming transaction; rows another transaction holds (another
   * server instance relaying them) are skipped instead of waited for. No ORDER BY on purpose: H2
   * (2.3) locks every row an ordered {@code FOR UPDATE} query matches before it applies {@code
   * FETCH FIRST}, so a second relay would find nothing; without it H2 locks only the rows it
   * returns, in the order of the {@code (sent_at, created_at)} index, i.e. oldest first. PostgreSQL
   * accepts the same statement. The relay does not promise FIFO order (the queue does not either).
   */
  private static final String CLAIM =
      "SELECT id, queue_name, message_id, body, created_at, sent_at, deliver_at FROM outbox"
          + " WHERE sent_at IS NULL FETCH FIRST %d ROWS ONLY FOR UPDATE SKIP LOCKED";

  @PersistenceContext(unitName = "plinth")
  EntityManager em;

  /**
   * Claims up to {@code max} unsent rows, hands them to {@code send} and, if it returns normally,
   * marks them all sent with one UPDATE, all in one transaction. The rows stay locked while they
   * are sent, so two relays never send the same rows at the same time; a crash or a failed send
   * leaves them unsent for the next run (a crash after the send resends them with the same message
   * ids, which the broker's duplicate detection drops).
   *
   * @param max at most this many rows
   * @param send sends the rows (blocking until the queue accepted them durably); throws on failure
   * @return how many rows were claimed, and the send failure (rows left unsent) or null
   */
  @SuppressWarnings("unchecked")
  public Relayed relay(int max, Consumer<List<OutboxEntity>> send) {
    List<OutboxEntity> rows =
        em.createNativeQuery(claimSql(max), OutboxEntity.class).getResultList();
    if (rows.isEmpty()) {
      return new Relayed(0, null);
    }
    try {
      send.accept(rows);
    } catch (RuntimeException e) {
      // Returned, not thrown: the transaction commits nothing and releases the row locks.
      return new Relayed(rows.size(), e);
    }
    List<String> ids = new ArrayList<>(rows.size());
    for (OutboxEntity row : rows) {
      ids.add(row.id());
    }
    em.createQuery("UPDATE OutboxEntity o SET o.sentAt = :now WHERE o.id IN :ids")
        .setParameter("now", Instant.now())
        .setParameter("ids", ids)
        .executeUpdate();
    return new Relayed(rows.size(), null);
  }

  /**
   * The claim statement.
   *
   * @param max at most this many rows
   * @return SQL selecting and locking up to {@code max} unsent rows, skipping locked ones
   */
  static String claimSql(int max) {
    return String.format(Locale.ROOT, CLAIM, max);
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

  /**
   * The result of one {@link #relay} run.
   *
   * @param claimed how many rows were claimed
   * @param failure why the send failed (the rows stay unsent), or null when they were marked sent
   */
  public record Relayed(int claimed, RuntimeException failure) {}
}
