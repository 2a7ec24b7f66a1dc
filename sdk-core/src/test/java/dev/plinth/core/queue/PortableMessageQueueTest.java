package dev.plinth.core.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.core.memory.RecordingTelemetry;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.queue.Message;
import dev.plinth.queue.Outcome;
import dev.plinth.queue.QueueCapabilities;
import dev.plinth.queue.SubscribeOptions;
import dev.plinth.queue.Subscription;
import dev.plinth.spi.queue.DriverSubscribeOptions;
import dev.plinth.spi.queue.QueueHeaders;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.telemetry.CorrelationContext;
import dev.plinth.telemetry.PlinthMetrics;
import dev.plinth.telemetry.Scope;
import dev.plinth.telemetry.SpanKind;
import dev.plinth.telemetry.Tags;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortableMessageQueueTest {
  private final CapturingQueueDriver driver = new CapturingQueueDriver();
  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private final PortableMessageQueue queue =
      new PortableMessageQueue("fake", driver, telemetry, MapPlinthConfig.empty());

  @Test
  @SuppressWarnings("try") // scopes are closed, not used
  void send_stampsIdFirstAttemptTraceAndCorrelation() {
    try (Scope ignored = CorrelationContext.open("corr-7")) {
      String id = queue.send("orders", Message.ofText("hi")).messageId();
      assertThat(id).isNotBlank();
    }
    Message sent = driver.sent.get(0);
    assertThat(sent.messageId()).isNotBlank();
    assertThat(sent.correlationId()).isEqualTo("corr-7");
    assertThat(sent.properties()).containsEntry(QueueHeaders.ATTEMPT, "1");
    assertThat(Instant.parse(sent.properties().get(QueueHeaders.FIRST_ENQUEUED)))
        .isBeforeOrEqualTo(Instant.now());
    assertThat(telemetry.finishedSpans())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.kind()).isEqualTo(SpanKind.PRODUCER);
              assertThat(sent.properties())
                  .containsEntry(QueueHeaders.TRACEPARENT, s.traceparent());
            });
    assertThat(
            telemetry.counterValue(
                PlinthMetrics.QUEUE_SENT,
                Tags.of("queue", "orders", "provider", "fake", "outcome", "success")))
        .isOne();
  }

  @Test
  @SuppressWarnings("try") // scopes are closed, not used
  void send_keepsCallerIdAndCorrelationId() {
    try (Scope ignored = CorrelationContext.open("context")) {
      queue.send(
          "orders",
          Message.ofText("hi").toBuilder().messageId("mine").correlationId("own").build());
    }
    assertThat(driver.sent.get(0).messageId()).isEqualTo("mine");
    assertThat(driver.sent.get(0).correlationId()).isEqualTo("own");
  }

  @Test
  void send_driverFails_countsErrorAndRethrows() {
    driver.failSend = new ProviderUnavailableException("broker down");
    assertThatThrownBy(
            () -> queue.sendBatch("orders", List.of(Message.ofText("a"), Message.ofText("b"))))
        .isInstanceOf(ProviderUnavailableException.class);
    assertThat(
            telemetry.counterValue(
                PlinthMetrics.QUEUE_SENT,
                Tags.of("queue", "orders", "provider", "fake", "outcome", "error")))
        .isEqualTo(2);
  }

  @Test
  void send_featuresTheDriverLacks_throwUnsupportedNamingTheCapability() {
    Message scheduled = Message.ofText("x").toBuilder().deliverAt(Instant.now()).build();
    Message ordered = Message.ofText("x").toBuilder().orderingKey("k").build();
    assertThatThrownBy(() -> queue.send("q", scheduled))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining(QueueCapabilities.SCHEDULED_DELIVERY);
    assertThatThrownBy(() -> queue.send("q", ordered))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining(QueueCapabilities.ORDERING);
    assertThat(driver.sent).isEmpty();
  }

  @Test
  void subscribe_passesOptionsAndCloseIsIdempotent() {
    Subscription subscription =
        queue.subscribe(
            "orders", d -> Outcome.ack(), SubscribeOptions.defaults().withConcurrency(3));
    assertThat(driver.subscribed).containsExactly(new DriverSubscribeOptions(3, 10, 5));
    subscription.close();
    subscription.close();
    assertThat(driver.subscriptionCloses).hasValue(1);
    assertThat(subscription.isActive()).isFalse();
  }

  @Test
  void close_closesSubscriptionsThenDriverOnce() {
    Subscription subscription =
        queue.subscribe("orders", d -> Outcome.ack(), SubscribeOptions.defaults());
    queue.close();
    queue.close();
    assertThat(subscription.isActive()).isFalse();
    assertThat(driver.subscriptionCloses).hasValue(1);
    assertThat(driver.closes).hasValue(1);
    assertThatThrownBy(() -> queue.send("orders", Message.ofText("late")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void unwrap_returnsQueueDriverOrNativeClient() {
    assertThat(queue.unwrap(PortableMessageQueue.class)).isSameAs(queue);
    assertThat(queue.unwrap(CapturingQueueDriver.class)).isSameAs(driver);
    assertThat(queue.unwrap(CharSequence.class)).hasToString("native");
    assertThatThrownBy(() -> queue.unwrap(Integer.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(CapturingQueueDriver.class.getName())
        .hasMessageContaining("java.lang.Integer");
  }

  @Test
  void portInfo_comesFromTheDriver() {
    assertThat(queue.provider()).isEqualTo("fake");
    assertThat(queue.capabilities().features()).isEmpty();
    assertThat(queue.health().detail()).isEqualTo("capturing");
  }
}
