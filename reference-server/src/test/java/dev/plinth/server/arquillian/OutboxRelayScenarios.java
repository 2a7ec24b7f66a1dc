package dev.plinth.server.arquillian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plinth.queue.Message;
import dev.plinth.queue.Outcome;
import dev.plinth.queue.SubscribeOptions;
import dev.plinth.queue.Subscription;
import dev.plinth.server.arquillian.Fixture.OutboxRow;
import dev.plinth.server.execution.ExecutionEntity;
import dev.plinth.server.execution.ExecutionRepository;
import dev.plinth.server.execution.ExecutionStatus;
import dev.plinth.server.workflow.WorkflowEntity;
import dev.plinth.server.workflow.WorkflowStatus;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The transactional outbox: an execution and its outbox row commit or roll back together, and the
 * server's relay delivers each row to its queue once, marks it sent, and a resend after a crash
 * between send and mark is dropped by the broker's duplicate detection (message id).
 *
 * <p>Delivery counts are observed on queues of the scenarios' own (an outbox row names its queue),
 * since the server's worker consumes the {@code executions} queue.
 */
interface OutboxRelayScenarios {

  /** Generous: the relay runs every 200 ms on 2 shared cores. */
  Duration RELAYED = Duration.ofSeconds(30);

  /**
   * @return the injected fixture
   */
  Fixture fixture();

  @Test
  default void create_commitsTheExecutionAndItsOutboxRowTogether() throws Exception {
    Fixture f = fixture();
    WorkflowEntity workflow = f.workflow(WorkflowStatus.ACTIVE, Fixture.succeeding());
    UserTransaction tx = f.transaction;

    tx.begin();
    String id;
    try {
      id = f.executions.create(workflow.id(), "{}", Fixture.CALLER, null).execution().id();
      // Neither is visible outside the transaction, to the relay least of all.
      assertThat(f.executionCommitted(id)).isFalse();
      assertThat(f.outboxRow(id)).isEmpty();
    } catch (RuntimeException | AssertionError e) {
      tx.rollback();
      throw e;
    }
    tx.commit();

    assertThat(f.executionCommitted(id)).isTrue();
    OutboxRow row = f.outboxRow(id).orElseThrow();
    assertThat(row.queue()).isEqualTo(ExecutionRepository.QUEUE);
    assertThat(row.messageId()).isEqualTo(id);
  }

  @Test
  default void create_rolledBack_leavesNeitherTheExecutionNorItsOutboxRow() throws Exception {
    Fixture f = fixture();
    WorkflowEntity workflow = f.workflow(WorkflowStatus.ACTIVE, Fixture.succeeding());
    UserTransaction tx = f.transaction;

    tx.begin();
    String id;
    try {
      id = f.executions.create(workflow.id(), "{}", Fixture.CALLER, null).execution().id();
    } finally {
      tx.rollback();
    }

    assertThat(f.executionCommitted(id)).isFalse();
    assertThat(f.executions.find(id)).isEmpty();
    assertThat(f.outboxRow(id)).isEmpty();
  }

  @Test
  default void relay_createdExecution_isDeliveredToTheWorkerOnceAndMarkedSent() {
    Fixture f = fixture();
    WorkflowEntity workflow = f.workflow(WorkflowStatus.ACTIVE, Fixture.succeeding());

    String id = f.executions.create(workflow.id(), "{}", Fixture.CALLER, null).execution().id();

    await()
        .atMost(RELAYED)
        .until(() -> f.executions.find(id).orElseThrow().status() == ExecutionStatus.SUCCEEDED);
    await().atMost(RELAYED).until(() -> f.outboxRow(id).orElseThrow().sent());
    ExecutionEntity done = f.executions.find(id).orElseThrow();
    assertThat(done.attempts()).isEqualTo(1);
  }

  @Test
  default void relay_unsentRows_areEachDeliveredOnceAndMarkedSent() {
    Fixture f = fixture();
    String queue = "arq-relay-" + UUID.randomUUID();
    Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    try (Deliveries deliveries = Deliveries.subscribe(f, queue, received)) {
      String one = "m1-" + UUID.randomUUID();
      String two = "m2-" + UUID.randomUUID();
      String three = "m3-" + UUID.randomUUID();
      f.addOutboxRow(queue, one);
      f.addOutboxRow(queue, two);
      f.addOutboxRow(queue, three);

      await().atMost(RELAYED).until(() -> received.keySet().containsAll(List.of(one, two, three)));
      await()
          .atMost(RELAYED)
          .until(
              () ->
                  f.outboxRow(one).orElseThrow().sent()
                      && f.outboxRow(two).orElseThrow().sent()
                      && f.outboxRow(three).orElseThrow().sent());
      deliveries.drain();

      assertThat(received).containsOnlyKeys(one, two, three, deliveries.markerId());
      assertThat(received.values()).allSatisfy(count -> assertThat(count).hasValue(1));
    }
  }

  @Test
  default void relay_resendAfterCrashBetweenSendAndMark_isDroppedByMessageId() {
    Fixture f = fixture();
    String queue = "arq-crash-" + UUID.randomUUID();
    Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    try (Deliveries deliveries = Deliveries.subscribe(f, queue, received)) {
      String messageId = "m-" + UUID.randomUUID();
      String row = f.addOutboxRow(queue, messageId);
      await().atMost(RELAYED).until(() -> f.outboxRow(messageId).orElseThrow().sent());
      await().atMost(RELAYED).until(() -> received.containsKey(messageId));

      // The crash: the message went out but the mark was lost, so the relay sends it again.
      f.forgetSent(row);
      assertThat(f.outboxRow(messageId).orElseThrow().sent()).isFalse();
      await().atMost(RELAYED).until(() -> f.outboxRow(messageId).orElseThrow().sent());
      deliveries.drain();

      assertThat(received.get(messageId)).hasValue(1);
    }
  }

  /**
   * Counts the deliveries of one queue by message id, one at a time and in order.
   *
   * @param fixture the fixture
   * @param subscription the subscription
   * @param received deliveries by message id
   * @param markerId the id of the marker message {@link #drain} sends
   */
  record Deliveries(
      Fixture fixture,
      Subscription subscription,
      Map<String, AtomicInteger> received,
      String markerId)
      implements AutoCloseable {

    static Deliveries subscribe(
        Fixture fixture, String queue, Map<String, AtomicInteger> received) {
      Subscription subscription =
          fixture.queue.subscribe(
              queue,
              delivery -> {
                received
                    .computeIfAbsent(delivery.message().messageId(), k -> new AtomicInteger())
                    .incrementAndGet();
                return Outcome.ack();
              },
              SubscribeOptions.defaults().withConcurrency(1));
      return new Deliveries(fixture, subscription, received, "marker-" + UUID.randomUUID());
    }

    /**
     * Sends a marker message after everything sent so far and waits for it: with one consumer in
     * order, anything the broker accepted before it (a duplicate included) has been delivered.
     */
    void drain() {
      fixture.queue.send(
          subscription.queue(), Message.builder(new byte[] {1}).messageId(markerId).build());
      await().atMost(RELAYED).until(() -> received.containsKey(markerId));
    }

    @Override
    public void close() {
      subscription.close();
    }
  }
}
