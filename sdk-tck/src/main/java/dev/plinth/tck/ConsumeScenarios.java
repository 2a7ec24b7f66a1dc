package dev.plinth.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.queue.Outcome;
import dev.plinth.queue.Subscription;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Queue contract: consumption with parallel handlers. */
abstract class ConsumeScenarios extends QueueScenarios {
  @Test
  void subscribe_concurrencyFour_runsFourHandlersInParallel() {
    int n = 4;
    String q = newQueue();
    CountDownLatch allRunning = new CountDownLatch(n);
    AtomicInteger sawAllRunning = new AtomicInteger();
    subscribe(
        q,
        options(n, 1),
        d -> {
          allRunning.countDown();
          // Only possible if all n handlers run at the same time.
          if (allRunning.await(deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            sawAllRunning.incrementAndGet();
          }
          return Outcome.ack();
        });
    for (int i = 0; i < n; i++) {
      queue().send(q, text("parallel-" + i));
    }
    eventually().until(() -> sawAllRunning.get() == n);
  }

  @Test
  void close_isIdempotentAndStopsTheSubscription() {
    String q = newQueue();
    Subscription subscription = subscribe(q, options(1, 1), d -> Outcome.ack());
    assertThat(subscription.queue()).isEqualTo(q);
    assertThat(subscription.isActive()).isTrue();
    subscription.close();
    subscription.close();
    assertThat(subscription.isActive()).isFalse();
  }
}
