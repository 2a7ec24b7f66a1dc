package dev.plinth.server.arquillian;

import dev.plinth.auth.Authenticator;
import dev.plinth.cache.Cache;
import dev.plinth.core.Platform;
import dev.plinth.queue.MessageQueue;
import dev.plinth.server.cache.CacheCircuit;
import dev.plinth.server.execution.ExecutionEntity;
import dev.plinth.server.execution.ExecutionRepository;
import dev.plinth.server.execution.OutboxEntity;
import dev.plinth.server.execution.WorkflowSnapshot;
import dev.plinth.server.workflow.WorkflowEntity;
import dev.plinth.server.workflow.WorkflowInput;
import dev.plinth.server.workflow.WorkflowRepository;
import dev.plinth.server.workflow.WorkflowStatus;
import dev.plinth.storage.BlobStore;
import dev.plinth.telemetry.Telemetry;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * What the in-container scenarios use, injected by the application's own CDI container: the ports
 * (by port type), the repositories, the health checks, a user transaction, and a few reads and
 * writes of outbox rows in their own transactions (the outbox has no query API of its own).
 * Dependent-scoped, so the scenarios read its fields directly (no client proxy).
 */
@Dependent
public class Fixture {
  /** The subject the scenarios act as. */
  static final String CALLER = "arquillian";

  @Inject Platform platform;
  @Inject BlobStore storage;
  @Inject Cache cache;
  @Inject MessageQueue queue;
  @Inject Authenticator auth;
  @Inject Telemetry telemetry;
  @Inject CacheCircuit cacheCircuit;
  @Inject WorkflowRepository workflows;
  @Inject ExecutionRepository executions;
  @Inject @Readiness Instance<HealthCheck> readiness;
  @Inject @Liveness Instance<HealthCheck> liveness;
  @Resource UserTransaction transaction;

  @PersistenceContext(unitName = "plinth")
  EntityManager em;

  /**
   * Stores a workflow.
   *
   * @param status its status
   * @param definition its definition
   * @return the stored workflow
   */
  WorkflowEntity workflow(WorkflowStatus status, JsonObject definition) {
    return workflows.create(
        new WorkflowInput("arq-" + UUID.randomUUID(), status, definition), CALLER);
  }

  /**
   * A definition that succeeds at once: one {@code log} step.
   *
   * @return the definition
   */
  static JsonObject succeeding() {
    return definition(
        Json.createObjectBuilder().add("name", "say").add("type", "log").add("message", "hi"));
  }

  /**
   * A definition that fails at once and is not retried: an {@code http} step to a host outside the
   * allow-list (nothing is sent).
   *
   * @return the definition
   */
  static JsonObject failing() {
    return definition(
        Json.createObjectBuilder()
            .add("name", "call")
            .add("type", "http")
            .add("url", "http://blocked.example.test/data"));
  }

  /**
   * A definition that pauses for ten minutes: one {@code delay} step named {@code wait}.
   *
   * @return the definition
   */
  static JsonObject waiting() {
    return definition(
        Json.createObjectBuilder()
            .add("name", "wait")
            .add("type", "delay")
            .add("durationMs", 600_000));
  }

  private static JsonObject definition(JsonObjectBuilder step) {
    return Json.createObjectBuilder()
        .add("schemaVersion", 1)
        .add("steps", Json.createArrayBuilder().add(step))
        .build();
  }

  /**
   * Replaces a workflow in a transaction of its own, committed before this returns: a concurrent
   * writer.
   *
   * @param id the workflow id
   * @param input the new content
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void replaceInOwnTransaction(String id, WorkflowInput input) {
    workflows.replace(id, null, input);
  }

  /**
   * Lists an exception and its causes.
   *
   * @param thrown the exception
   * @return it and every cause, outermost first
   */
  static List<Throwable> causes(Throwable thrown) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  /**
   * Reads the outbox row of a message as committed, outside any caller transaction.
   *
   * @param messageId the message id (an execution's first message has the execution id)
   * @return the row, or empty
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<OutboxRow> outboxRow(String messageId) {
    return em
        .createQuery("SELECT o FROM OutboxEntity o WHERE o.messageId = :id", OutboxEntity.class)
        .setParameter("id", messageId)
        .getResultList()
        .stream()
        .findFirst()
        .map(o -> new OutboxRow(o.id(), o.queue(), o.messageId(), o.sentAt() != null));
  }

  /**
   * Lists when the committed continuations of an execution (messages after a delay step) are to be
   * delivered, oldest row first, outside any caller transaction.
   *
   * @param executionId the execution id
   * @return the delivery times of its continuation rows
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Instant> continuations(String executionId) {
    return em
        .createQuery(
            "SELECT o FROM OutboxEntity o WHERE o.messageId LIKE :prefix ORDER BY o.createdAt",
            OutboxEntity.class)
        .setParameter("prefix", executionId + ":resume-%")
        .getResultList()
        .stream()
        .map(OutboxEntity::deliverAt)
        .toList();
  }

  /**
   * Tells whether an execution row is committed, outside any caller transaction.
   *
   * @param id the execution id
   * @return true if it exists
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean executionCommitted(String id) {
    return em.find(ExecutionEntity.class, id) != null;
  }

  /**
   * Writes an unsent outbox row for any queue, as a service announcing a state change would.
   *
   * @param queueName the destination queue
   * @param messageId the message id
   * @return the row id
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public String addOutboxRow(String queueName, String messageId) {
    String id = UUID.randomUUID().toString();
    String body = Json.createObjectBuilder().add("messageId", messageId).build().toString();
    em.persist(new OutboxEntity(id, queueName, messageId, body, Instant.now()));
    return id;
  }

  /**
   * Forgets that a row was sent, as if the relay crashed after the send and before the mark.
   *
   * @param rowId the row id
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void forgetSent(String rowId) {
    em.createQuery("UPDATE OutboxEntity o SET o.sentAt = NULL WHERE o.id = :id")
        .setParameter("id", rowId)
        .executeUpdate();
  }

  /**
   * Inserts an execution row directly, in the caller's transaction, bypassing the repository's
   * idempotency look-up (as a concurrent request that lost the race would).
   *
   * @param copyOf the execution whose workflow, caller and key to reuse
   */
  public void insertDuplicateOf(ExecutionEntity copyOf) {
    em.persist(
        new ExecutionEntity(
            UUID.randomUUID().toString(),
            new WorkflowSnapshot(
                copyOf.workflowId(), copyOf.workflowVersion(), copyOf.definitionJson()),
            "{}",
            copyOf.createdBy(),
            copyOf.idempotencyKey(),
            Instant.now()));
    em.flush();
  }

  /**
   * An outbox row as committed.
   *
   * @param id the row id
   * @param queue the destination queue
   * @param messageId the message id
   * @param sent whether the relay marked it sent
   */
  public record OutboxRow(String id, String queue, String messageId, boolean sent) {}
}
