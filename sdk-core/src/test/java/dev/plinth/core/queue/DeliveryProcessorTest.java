package dev.plinth.core.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.plinth.core.memory.RecordingTelemetry;
import dev.plinth.queue.Backoff;
import dev.plinth.queue.DeadLetter;
import dev.plinth.queue.Delivery;
import dev.plinth.queue.Message;
import dev.plinth.queue.MessageHandler;
import dev.plinth.queue.Outcome;
import dev.plinth.queue.SubscribeOptions;
import dev.plinth.spi.queue.QueueHeaders;
import dev.plinth.telemetry.CorrelationContext;
import dev.plinth.telemetry.PlinthMetrics;
import dev.plinth.telemetry.SpanKind;
import dev.plinth.telemetry.Tags;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryProcessorTest {
  private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
  private static final Instant FIRST = Instant.parse("2030-01-01T11:00:00Z");
  private static final Instant ENQUEUED = Instant.parse("2030-01-01T11:59:00Z");
  private static final Backoff BACKOFF =
      Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(10));
  private static final Tags TAGS = Tags.of("queue", "orders", "provider", "fake");

  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private final List<Delivery> seen = new ArrayList<>();
  private double random = 0.5;

  private DeliveryProcessor processor(int maxAttempts, MessageHandler handler) {
    SubscribeOptions options =
        SubscribeOptions.defaults().withMaxAttempts(maxAttempts).withBackoff(BACKOFF);
    MessageHandler recording =
        d -> {
          seen.add(d);
          return handler.handle(d);
        };
    return new DeliveryProcessor(
        "orders",
        "fake",
        recording,
        options,
        telemetry,
        () -> random,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static Message message(Integer attempt) {
    Message.Builder b =
        Message.builder("body".getBytes(StandardCharsets.UTF_8))
            .messageId("m-1")
            .correlationId("corr-1")
            .property("tenant", "t1")
            .property(QueueHeaders.FIRST_ENQUEUED, FIRST.toString())
            .property(
                QueueHeaders.TRACEPARENT,
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    if (attempt != null) {
      b.property(QueueHeaders.ATTEMPT, attempt.toString());
    }
    return b.build();
  }

  private static FakeDelivery delivery(Integer attempt, int deliveryCount) {
    return new FakeDelivery(message(attempt), deliveryCount, ENQUEUED);
  }

  private long counted(String outcome) {
    return (long)
        telemetry.counterValue(PlinthMetrics.QUEUE_MESSAGES, TAGS.and("outcome", outcome));
  }

  @Test
  void onDelivery_ack_acksAndCounts() {
    FakeDelivery d = delivery(1, 1);
    processor(3, x -> Outcome.ack()).onDelivery(d);
    assertThat(d.settledAs).isEqualTo("ack");
    assertThat(d.settlements).isOne();
    assertThat(counted("ack")).isOne();
    assertThat(telemetry.timerCount(PlinthMetrics.QUEUE_HANDLER_DURATION, TAGS)).isOne();
  }

  @Test
  void onDelivery_retryBelowMax_sendsNextAttemptWithBackoffDelay() {
    FakeDelivery d = delivery(2, 1);
    processor(5, x -> Outcome.retry()).onDelivery(d);
    assertThat(d.settledAs).isEqualTo("retry");
    assertThat(d.next.properties())
        .containsEntry(QueueHeaders.ATTEMPT, "3")
        .containsEntry(QueueHeaders.FIRST_ENQUEUED, FIRST.toString())
        .containsEntry("tenant", "t1");
    assertThat(d.next.messageId()).isEqualTo("m-1");
    assertThat(d.next.bodyAsText()).isEqualTo("body");
    assertThat(d.delay).isEqualTo(BACKOFF.delayAfter(2, 0.5)).isEqualTo(Duration.ofMillis(200));
    assertThat(counted("retry")).isOne();
  }

  @Test
  void onDelivery_retryAfter_usesTheHandlersDelay() {
    FakeDelivery d = delivery(1, 1);
    processor(5, x -> Outcome.retry(Duration.ofSeconds(7))).onDelivery(d);
    assertThat(d.delay).isEqualTo(Duration.ofSeconds(7));
    assertThat(d.next.properties()).containsEntry(QueueHeaders.ATTEMPT, "2");
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.25, 0.5, 0.75, 0.999999})
  void onDelivery_retry_backoffStaysWithinJitterBounds(double r) {
    random = r;
    FakeDelivery d = delivery(3, 1);
    processor(5, x -> Outcome.retry()).onDelivery(d);
    // attempt 3 failed: 100 ms * 2^2 = 400 ms, +/- 20 % jitter.
    assertThat(d.delay.toMillis()).isBetween(320L, 480L);
  }

  @Test
  void onDelivery_handlerThrows_retriesWithLastError() {
    FakeDelivery d = delivery(1, 1);
    processor(
            3,
            x -> {
              throw new IllegalStateException("database down");
            })
        .onDelivery(d);
    assertThat(d.settledAs).isEqualTo("retry");
    assertThat(d.next.properties())
        .containsEntry(QueueHeaders.LAST_ERROR, "java.lang.IllegalStateException: database down");
  }

  @Test
  void onDelivery_hugeErrorMessage_lastErrorTruncatedToOneKib() {
    FakeDelivery d = delivery(1, 1);
    processor(
            3,
            x -> {
              throw new IllegalStateException("é".repeat(5000));
            })
        .onDelivery(d);
    String lastError = d.next.properties().get(QueueHeaders.LAST_ERROR);
    assertThat(lastError.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
    assertThat(lastError).startsWith("java.lang.IllegalStateException: éé");
  }

  @Test
  void onDelivery_nullOutcome_countsAsRetryWithError() {
    FakeDelivery d = delivery(1, 1);
    processor(3, x -> null).onDelivery(d);
    assertThat(d.settledAs).isEqualTo("retry");
    assertThat(d.next.properties().get(QueueHeaders.LAST_ERROR)).contains("returned null");
  }

  @Test
  void onDelivery_retryOnLastAttempt_deadLettersWithMaxAttemptsExceeded() {
    FakeDelivery d = delivery(3, 1);
    processor(
            3,
            x -> {
              throw new IllegalArgumentException("bad field");
            })
        .onDelivery(d);
    assertThat(d.settledAs).isEqualTo("dead_letter");
    DeadLetter dl = d.deadLetter;
    assertThat(dl.reason()).isEqualTo(DeadLetter.MAX_ATTEMPTS_EXCEEDED);
    assertThat(dl.attempts()).isEqualTo(3);
    assertThat(dl.queue()).isEqualTo("orders");
    assertThat(dl.lastError()).isEqualTo("java.lang.IllegalArgumentException: bad field");
    assertThat(dl.description()).contains("3 attempts").contains("bad field");
    assertThat(dl.firstEnqueuedAt()).isEqualTo(FIRST);
    assertThat(dl.deadLetteredAt()).isEqualTo(NOW);
    assertThat(dl.message()).isEqualTo(d.message);
    assertThat(counted("dead_letter")).isOne();
    assertThat(counted("retry")).isZero();
  }

  @Test
  void onDelivery_deadLetterOutcome_deadLettersImmediately() {
    FakeDelivery d = delivery(1, 1);
    processor(5, x -> Outcome.deadLetter("invalid-payload", "no order id")).onDelivery(d);
    assertThat(d.deadLetter.reason()).isEqualTo("invalid-payload");
    assertThat(d.deadLetter.description()).isEqualTo("no order id");
    assertThat(d.deadLetter.attempts()).isEqualTo(1);
  }

  @Test
  void onDelivery_crashLoopBeyondMaxAttempts_deadLettersWithoutCallingTheHandler() {
    // Attempt 3 was delivered once before and never settled: this is the 4th start.
    FakeDelivery d = delivery(3, 2);
    processor(3, x -> Outcome.ack()).onDelivery(d);
    assertThat(seen).isEmpty();
    assertThat(d.settledAs).isEqualTo("dead_letter");
    assertThat(d.deadLetter.reason()).isEqualTo(DeadLetter.MAX_ATTEMPTS_EXCEEDED);
    assertThat(d.deadLetter.attempts()).isEqualTo(3);
    assertThat(d.deadLetter.description()).contains("handler never completed");
  }

  @ParameterizedTest
  @CsvSource({",1,1", "1,1,1", "3,1,3", "2,3,4", "x,2,2", "0,1,1"})
  void attemptOf_addsRedeliveriesToTheHeader(String header, int deliveryCount, int expected) {
    Message m =
        header == null
            ? Message.ofText("x")
            : Message.ofText("x").toBuilder().property(QueueHeaders.ATTEMPT, header).build();
    assertThat(DeliveryProcessor.attemptOf(m, deliveryCount)).isEqualTo(expected);
  }

  @Test
  void onDelivery_redeliveredAfterCrash_handlerSeesHigherAttempt() {
    FakeDelivery d = delivery(null, 2);
    processor(5, x -> Outcome.ack()).onDelivery(d);
    assertThat(seen.get(0).attempt()).isEqualTo(2);
  }

  @Test
  void onDelivery_withoutFirstEnqueuedHeader_usesEnqueuedAt() {
    FakeDelivery d = new FakeDelivery(Message.ofText("x"), 1, ENQUEUED);
    processor(5, x -> Outcome.ack()).onDelivery(d);
    assertThat(seen.get(0).firstEnqueuedAt()).isEqualTo(ENQUEUED);
    assertThat(seen.get(0).attempt()).isEqualTo(1);
  }

  @Test
  void onDelivery_handlerRunsInConsumerSpanWithCorrelationIdAndApplicationHeadersOnly() {
    AtomicReference<String> correlation = new AtomicReference<>();
    FakeDelivery d = delivery(2, 1);
    processor(
            5,
            x -> {
              correlation.set(CorrelationContext.current().orElse(null));
              return Outcome.ack();
            })
        .onDelivery(d);
    assertThat(correlation.get()).isEqualTo("corr-1");
    assertThat(CorrelationContext.current()).isEmpty();
    Delivery delivery = seen.get(0);
    assertThat(delivery.attempt()).isEqualTo(2);
    assertThat(delivery.maxAttempts()).isEqualTo(5);
    assertThat(delivery.firstEnqueuedAt()).isEqualTo(FIRST);
    assertThat(delivery.message().properties())
        .containsEntry("tenant", "t1")
        .doesNotContainKeys(QueueHeaders.ATTEMPT, QueueHeaders.FIRST_ENQUEUED);
    assertThat(telemetry.finishedSpans())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.kind()).isEqualTo(SpanKind.CONSUMER);
              assertThat("00-" + s.traceId() + "-" + s.parentSpanId() + "-01")
                  .isEqualTo(d.message.properties().get(QueueHeaders.TRACEPARENT));
            });
  }

  @Test
  void onDelivery_settlementFails_reportsEventAndDoesNotThrow() {
    FakeDelivery d = delivery(1, 1);
    d.failOnSettle = new IllegalStateException("lock lost");
    assertThatCode(() -> processor(3, x -> Outcome.ack()).onDelivery(d)).doesNotThrowAnyException();
    assertThat(telemetry.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.name()).isEqualTo("plinth.queue.settle_failed");
              assertThat(e.attributes()).containsEntry("messageId", "m-1");
              assertThat(String.valueOf(e.attributes().get("error"))).contains("lock lost");
            });
    assertThat(counted("ack")).isZero();
  }
}
