package dev.plinth.tck;

import dev.plinth.queue.Message;
import dev.plinth.queue.MessageHandler;
import dev.plinth.queue.MessageQueue;
import dev.plinth.queue.SubscribeOptions;
import dev.plinth.queue.Subscription;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Base of the scenario groups of {@link MessageQueueContract}: each group is a {@code @Nested}
 * class of the contract that reaches the provider's queue and hooks through {@link #contract()}.
 */
abstract class QueueScenarios {

  /** Returns the enclosing contract instance. */
  abstract MessageQueueContract contract();

  MessageQueue queue() {
    return contract().queue();
  }

  Duration deliveryTimeout() {
    return contract().deliveryTimeout();
  }

  /** Returns a fresh queue name, so tests sharing one backend never see each other's messages. */
  static String newQueue() {
    return "tck-" + UUID.randomUUID().toString().substring(0, 13);
  }

  static Message text(String body) {
    return Message.ofText(body);
  }

  static SubscribeOptions options(int concurrency, int maxAttempts) {
    return SubscribeOptions.defaults()
        .withConcurrency(concurrency)
        .withMaxAttempts(maxAttempts)
        .withBackoff(MessageQueueContract.FAST_BACKOFF);
  }

  Subscription subscribe(String queue, SubscribeOptions options, MessageHandler handler) {
    return contract().track(queue().subscribe(queue, handler, options));
  }

  /** Subscribes with one consumer and 5 attempts, recording every delivery before handling it. */
  Subscription subscribe(String queue, DeliveryRecorder recorder, MessageHandler then) {
    return subscribe(
        queue,
        options(1, 5),
        d -> {
          recorder.record(d);
          return then.handle(d);
        });
  }

  ConditionFactory eventually() {
    return Awaitility.await().atMost(deliveryTimeout()).pollInterval(Duration.ofMillis(20));
  }

  boolean supports(String feature) {
    return queue().capabilities().supports(feature);
  }
}
