package dev.plinth.server.execution;

import dev.plinth.server.execution.ExecutionRepository.Creation;
import dev.plinth.server.execution.ExecutionRepository.Transition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Every change of an execution goes through here: the repository commits it (one short
 * transaction), then the cached view is invalidated, the metric counted and, for new messages, the
 * outbox relay nudged. Not transactional itself, so these side effects follow the commit.
 */
@ApplicationScoped
public class ExecutionService {
  @Inject ExecutionRepository repository;
  @Inject ExecutionCache cache;
  @Inject ExecutionMetrics metrics;
  @Inject OutboxRelay relay;

  /**
   * Queues an execution (or returns the one the idempotency key already names).
   *
   * @param workflowId the workflow
   * @param paramsJson the parameters
   * @param caller the caller's subject
   * @param idempotencyKey the key, or null
   * @return the outcome
   */
  public Creation create(
      String workflowId, String paramsJson, String caller, String idempotencyKey) {
    Creation creation;
    try {
      creation = repository.create(workflowId, paramsJson, caller, idempotencyKey);
    } catch (RuntimeException e) {
      // Two concurrent requests with one key: the unique constraint let one win; return it.
      Optional<ExecutionEntity> winner =
          idempotencyKey == null ? Optional.empty() : repository.findByKey(caller, idempotencyKey);
      if (winner.isEmpty()) {
        throw e;
      }
      return new Creation(Creation.Outcome.EXISTING, winner.get());
    }
    if (creation.outcome() == Creation.Outcome.CREATED) {
      metrics.entered(ExecutionStatus.QUEUED);
      relay.nudge();
    }
    return creation;
  }

  /**
   * Returns an execution's view, cache-aside.
   *
   * @param id the id
   * @return the view, or empty when there is no such execution
   */
  public Optional<JsonObject> view(String id) {
    Optional<JsonObject> cached = cache.get(id);
    if (cached.isPresent()) {
      return cached;
    }
    Optional<JsonObject> loaded = repository.find(id).map(ExecutionJson::full);
    loaded.ifPresent(view -> cache.put(id, view));
    return loaded;
  }

  /**
   * Applies a state transition, then invalidates and counts.
   *
   * @param id the execution id
   * @param transition the change (see {@link ExecutionEntity})
   * @return the outcome
   */
  public Transition transition(String id, Predicate<ExecutionEntity> transition) {
    Transition result = repository.update(id, transition);
    afterChange(result);
    return result;
  }

  /**
   * Puts a dead-lettered or failed execution back in the queue with a fresh message.
   *
   * @param id the execution id
   * @return the outcome
   */
  public Transition requeue(String id) {
    // A new message id: the broker's duplicate detection remembers the first one.
    return announced(repository.requeue(id, id + ":redrive-" + UUID.randomUUID()));
  }

  /**
   * Lets a queue message in (see {@link ExecutionRepository#admit}), then invalidates and counts a
   * run, or nudges the relay for an early continuation written again.
   *
   * @param id the execution id
   * @param token the end of the delay the message continues after, or null
   * @param now the arrival time
   * @return what the message may do
   */
  public ExecutionRepository.Admitted admit(String id, Instant token, Instant now) {
    ExecutionRepository.Admitted admitted = repository.admit(id, token, now);
    if (admitted.admission() == Admission.RUN) {
      afterChange(new Transition(true, true, admitted.execution()));
    } else if (admitted.admission() == Admission.EARLY) {
      cache.invalidate(id); // a restored execution started its attempt; nothing else changed
      relay.nudge();
    }
    return admitted;
  }

  /**
   * Pauses a running execution at a delay step with its continuation (see {@link
   * ExecutionRepository#suspend}), then invalidates, counts and nudges the relay.
   *
   * @param id the execution id
   * @param resultsJson the results so far
   * @param until when the delay ends
   * @return the outcome
   */
  public Transition suspend(String id, String resultsJson, Instant until) {
    return announced(repository.suspend(id, resultsJson, until));
  }

  /** After a transition that wrote an outbox row when it changed the execution. */
  private Transition announced(Transition result) {
    afterChange(result);
    if (result.changed()) {
      relay.nudge();
    }
    return result;
  }

  private void afterChange(Transition result) {
    if (result.changed()) {
      cache.invalidate(result.execution().id());
      metrics.entered(result.execution().status());
    }
  }
}
