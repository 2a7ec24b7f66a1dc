package dev.plinth.tck;

import dev.plinth.queue.Backoff;
import dev.plinth.queue.MessageQueue;
import dev.plinth.queue.QueueCapabilities;
import dev.plinth.queue.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/**
 * The contract every {@link MessageQueue} provider passes: sending, concurrent consumption, the
 * portable retry/dead-letter state machine (the same attempt sequence on every provider),
 * redelivery after a consumer crash, dead-letter management and the capability-driven features.
 *
 * <p>Subclasses start their backend once per class and return the same queue from {@link #queue()};
 * every test uses fresh random queue names.
 */
public abstract class MessageQueueContract {
  /** A short fixed backoff so retries take milliseconds. */
  protected static final Backoff FAST_BACKOFF = Backoff.fixed(Duration.ofMillis(50));

  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

  /**
   * Returns the queue under test; the same instance for the whole class.
   *
   * @return the message queue
   */
  protected abstract MessageQueue queue();

  /**
   * Returns how long a test waits for a message to arrive.
   *
   * @return the delivery timeout (10 s by default)
   */
  protected Duration deliveryTimeout() {
    return Duration.ofSeconds(10);
  }

  /**
   * Simulates a consumer that dies while its handler runs, so the message is never settled. The
   * default closes the subscription while the handler is blocked; the provider must then return the
   * unsettled message to the queue. Called on a separate thread.
   *
   * @param subscription the subscription whose handler is blocked
   */
  protected void simulateConsumerCrash(Subscription subscription) {
    subscription.close();
  }

  @AfterEach
  void closeSubscriptions() {
    subscriptions.forEach(Subscription::close);
  }

  /** Remembers a subscription so it is closed after the test. */
  Subscription track(Subscription subscription) {
    subscriptions.add(subscription);
    return subscription;
  }

  /** Sending and the round trip of every message field. */
  @Nested
  class Send extends SendScenarios {
    @Override
    MessageQueueContract contract() {
      return MessageQueueContract.this;
    }
  }

  /** Consumption with parallel handlers. */
  @Nested
  class Consume extends ConsumeScenarios {
    @Override
    MessageQueueContract contract() {
      return MessageQueueContract.this;
    }
  }

  /** The portable retry rules. */
  @Nested
  class Retry extends RetryScenarios {
    @Override
    MessageQueueContract contract() {
      return MessageQueueContract.this;
    }
  }

  /** When messages move to the dead letters, and with what. */
  @Nested
  class DeadLettering extends DeadLetteringScenarios {
    @Override
    MessageQueueContract contract() {
      return MessageQueueContract.this;
    }
  }

  /** At-least-once: a handler that never settles leads to a redelivery. */
  @Nested
  class Redelivery extends RedeliveryScenarios {
    @Override
    MessageQueueContract contract() {
      return MessageQueueContract.this;
    }
  }

  /** Dead letters are first-class: list, peek, redrive, delete, purge, count. */
  @Nested
  class DeadLetterManagement extends DeadLetterManagementScenarios {
    @Override
    MessageQueueContract contract() {
      return MessageQueueContract.this;
    }
  }

  /** {@link QueueCapabilities#SCHEDULED_DELIVERY}. */
  @Nested
  class Scheduled extends ScheduledScenarios {
    @Override
    MessageQueueContract contract() {
      return MessageQueueContract.this;
    }
  }

  /** {@link QueueCapabilities#DUPLICATE_DETECTION}. */
  @Nested
  class Duplicates extends DuplicateScenarios {
    @Override
    MessageQueueContract contract() {
      return MessageQueueContract.this;
    }
  }

  /** {@link QueueCapabilities#ORDERING}. */
  @Nested
  class Ordering extends OrderingScenarios {
    @Override
    MessageQueueContract contract() {
      return MessageQueueContract.this;
    }
  }

  /** Portable naming and size rules. */
  @Nested
  class Validation extends ValidationScenarios {
    @Override
    MessageQueueContract contract() {
      return MessageQueueContract.this;
    }
  }
}
