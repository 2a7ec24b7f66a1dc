package dev.plinth.azure.queue;

import static dev.plinth.azure.queue.ServiceBusFakes.inbound;
import static dev.plinth.azure.queue.ServiceBusFakes.locked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.core.amqp.exception.AmqpErrorCondition;
import com.azure.messaging.servicebus.ServiceBusErrorSource;
import com.azure.messaging.servicebus.models.DeadLetterOptions;
import dev.plinth.core.queue.PortableMessageQueue;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.queue.DeadLetter;
import dev.plinth.queue.Outcome;
import dev.plinth.queue.SubscribeOptions;
import dev.plinth.queue.Subscription;
import dev.plinth.spi.queue.DriverSubscribeOptions;
import dev.plinth.spi.queue.DriverSubscription;
import dev.plinth.spi.queue.QueueHeaders;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.telemetry.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.mockito.AdditionalAnswers;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

class ServiceBusSubscriptionTest {
  private final ServiceBusGateway gateway = mock(ServiceBusGateway.class);
  private final ProcessorHandle processor = mock(ProcessorHandle.class);
  private final QueueSender sender = mock(QueueSender.class);
  private final Telemetry telemetry =
      mock(Telemetry.class, AdditionalAnswers.delegatesTo(Telemetry.noop()));
  private final ArgumentCaptor<ServiceBusGateway.ProcessorSpec> spec =
      ArgumentCaptor.forClass(ServiceBusGateway.ProcessorSpec.class);

  @SuppressWarnings("unchecked")
  private final ArgumentCaptor<Consumer<LockedMessage>> onMessage =
      ArgumentCaptor.forClass(Consumer.class);

  @SuppressWarnings("unchecked")
  private final ArgumentCaptor<Consumer<ServiceBusGateway.ProcessorError>> onError =
      ArgumentCaptor.forClass(Consumer.class);

  private ServiceBusQueueDriver driver(Map<String, String> settings) {
    when(gateway.processor(eq("orders"), spec.capture(), onMessage.capture(), onError.capture()))
        .thenReturn(processor);
    when(gateway.sender("orders")).thenReturn(sender);
    return new ServiceBusQueueDriver(
        ServiceBusFakes.settings(settings), gateway, telemetry, Clock.systemUTC());
  }

  @Test
  void subscribe_buildsAPeekLockProcessorFromTheOptions() {
    driver(Map.of("plinth.queue.azure-servicebus.max-lock-renewal", "7m"))
        .subscribe("orders", new DriverSubscribeOptions(4, 20, 5), d -> d.ack());
    assertThat(spec.getValue())
        .isEqualTo(new ServiceBusGateway.ProcessorSpec(4, 20, Duration.ofMinutes(7), false));
    verify(processor).start();
  }

  @Test
  void subscribe_zeroPrefetchAndSessionQueue_useTheSettings() {
    driver(
            Map.of(
                "plinth.queue.azure-servicebus.prefetch", "3",
                "plinth.queue.azure-servicebus.session-queues", "*"))
        .subscribe("orders", new DriverSubscribeOptions(2, 0, 5), d -> d.ack());
    assertThat(spec.getValue().prefetch()).isEqualTo(3);
    assertThat(spec.getValue().sessions()).isTrue();
  }

  @Test
  void subscribe_processorFailsToStart_isMappedAndClosed() {
    ServiceBusQueueDriver driver = driver(Map.of());
    doThrow(new IllegalStateException("no link")).when(processor).start();
    assertThatThrownBy(
            () -> driver.subscribe("orders", new DriverSubscribeOptions(1, 1, 5), d -> d.ack()))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("no link");
    verify(processor).close();
  }

  @Test
  void onMessage_listenerSettles_noAbandon() {
    driver(Map.of()).subscribe("orders", new DriverSubscribeOptions(1, 1, 5), d -> d.ack());
    LockedMessage locked = locked(inbound("m", "b", Map.of(), 0));
    onMessage.getValue().accept(locked);
    verify(locked).complete();
    verify(locked, never()).abandon();
  }

  @Test
  void onMessage_listenerLeavesItUnsettled_abandons() {
    driver(Map.of()).subscribe("orders", new DriverSubscribeOptions(1, 1, 5), d -> {});
    LockedMessage locked = locked(inbound("m", "b", Map.of(), 0));
    onMessage.getValue().accept(locked);
    verify(locked).abandon();
  }

  @Test
  void onMessage_listenerThrows_abandonsAndDoesNotThrow() {
    driver(Map.of())
        .subscribe(
            "orders",
            new DriverSubscribeOptions(1, 1, 5),
            d -> {
              throw new IllegalStateException("bug");
            });
    LockedMessage locked = locked(inbound("m", "b", Map.of(), 0));
    onMessage.getValue().accept(locked);
    verify(locked).abandon();
  }

  @Test
  void onError_emitsAReceiveErrorEvent() {
    driver(Map.of()).subscribe("orders", new DriverSubscribeOptions(1, 1, 5), d -> d.ack());
    onError
        .getValue()
        .accept(
            new ServiceBusGateway.ProcessorError(
                "RECEIVE",
                ServiceBusErrorsTest.serviceBus(
                    AmqpErrorCondition.MESSAGE_LOCK_LOST, ServiceBusErrorSource.RECEIVE)));
    @SuppressWarnings("unchecked")
    ArgumentCaptor<Map<String, Object>> attributes = ArgumentCaptor.forClass(Map.class);
    verify(telemetry).event(eq(SettlementEvents.RECEIVE_ERROR), attributes.capture());
    assertThat(attributes.getValue())
        .containsEntry("queue", "orders")
        .containsEntry("source", "RECEIVE")
        .containsEntry("lockLost", true);
  }

  @Test
  void close_stopsWaitsAbandonsWhatIsStillRunningThenCloses() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    DriverSubscription subscription =
        driver(Map.of("plinth.queue.azure-servicebus.close-timeout", "200ms"))
            .subscribe(
                "orders",
                new DriverSubscribeOptions(1, 1, 5),
                d -> {
                  started.countDown();
                  try {
                    release.await(5, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    LockedMessage locked = locked(inbound("m", "b", Map.of(), 0));
    CompletableFuture<Void> handler =
        CompletableFuture.runAsync(() -> onMessage.getValue().accept(locked));
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    subscription.close();

    InOrder order = inOrder(processor, locked);
    order.verify(processor).stop();
    order.verify(locked).abandon();
    order.verify(processor).close();
    release.countDown();
    handler.get(5, TimeUnit.SECONDS);
    verify(locked, never()).complete();
  }

  @Test
  void onMessage_afterClose_abandonsWithoutCallingTheListener() {
    boolean[] called = {false};
    DriverSubscription subscription =
        driver(Map.of())
            .subscribe("orders", new DriverSubscribeOptions(1, 1, 5), d -> called[0] = true);
    subscription.close();
    LockedMessage locked = locked(inbound("m", "b", Map.of(), 0));
    onMessage.getValue().accept(locked);
    assertThat(called[0]).isFalse();
    verify(locked).abandon();
  }

  @Test
  void portableQueue_retriesBySchedulingThenDeadLettersAtTheLimit() {
    when(sender.schedule(any(), any())).thenReturn(1L);
    ServiceBusQueueDriver driver = driver(Map.of());
    try (PortableMessageQueue queue =
        new PortableMessageQueue(
            "azure-servicebus", driver, Telemetry.noop(), new MapPlinthConfig(Map.of()))) {
      Subscription subscription =
          queue.subscribe(
              "orders",
              d -> {
                throw new IllegalStateException("handler failed");
              },
              SubscribeOptions.defaults().withMaxAttempts(2));

      LockedMessage first = locked(inbound("m-1", "b", Map.of(QueueHeaders.ATTEMPT, "1"), 0));
      onMessage.getValue().accept(first);
      InOrder order = inOrder(sender, first);
      order.verify(sender).schedule(any(), any());
      order.verify(first).complete();

      LockedMessage second = locked(inbound("m-1", "b", Map.of(QueueHeaders.ATTEMPT, "2"), 0));
      onMessage.getValue().accept(second);
      ArgumentCaptor<DeadLetterOptions> options = ArgumentCaptor.forClass(DeadLetterOptions.class);
      verify(second).deadLetter(options.capture());
      assertThat(options.getValue().getDeadLetterReason())
          .isEqualTo(DeadLetter.MAX_ATTEMPTS_EXCEEDED);
      assertThat(options.getValue().getPropertiesToModify())
          .containsEntry(QueueHeaders.DL_ATTEMPTS, "2")
          .containsKey(QueueHeaders.LAST_ERROR);
      subscription.close();
    }
    verify(processor).close();
  }

  @Test
  void portableQueue_lockLostOnAck_isReportedNotThrown() {
    ServiceBusQueueDriver driver = driver(Map.of());
    try (PortableMessageQueue queue =
        new PortableMessageQueue(
            "azure-servicebus", driver, telemetry, new MapPlinthConfig(Map.of()))) {
      queue.subscribe("orders", d -> Outcome.ack(), SubscribeOptions.defaults());
      LockedMessage locked = locked(inbound("m-1", "b", Map.of(), 0));
      doThrow(
              ServiceBusErrorsTest.serviceBus(
                  AmqpErrorCondition.MESSAGE_LOCK_LOST, ServiceBusErrorSource.COMPLETE))
          .when(locked)
          .complete();

      onMessage.getValue().accept(locked);

      Awaitility.await()
          .untilAsserted(() -> verify(telemetry).event(eq(SettlementEvents.LOCK_LOST), anyMap()));
      verify(telemetry).event(eq("plinth.queue.settle_failed"), anyMap());
    }
  }
}
