package dev.plinth.server.execution;

import dev.plinth.config.PlinthConfig;
import dev.plinth.queue.Backoff;
import dev.plinth.queue.SubscribeOptions;
import dev.plinth.server.workflow.StepLimits;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Worker and step settings ({@code plinth.server.worker.*}, {@code plinth.server.steps.*}).
 *
 * @param concurrency messages handled at once ({@code plinth.server.worker.concurrency}, 8): each
 *     handler holds a database connection only inside its short transactions, so 8 fit the default
 *     pool ({@code db.pool.max} 20) next to the HTTP threads; more overlap the queue's per-message
 *     durable acknowledgements
 * @param maxAttempts attempts before dead-lettering ({@code plinth.server.worker.max-attempts}, 3)
 * @param backoffInitial first retry delay ({@code plinth.server.worker.backoff-initial}, 1s),
 *     doubled per attempt
 * @param backoffMax longest retry delay ({@code plinth.server.worker.backoff-max}, 1m)
 * @param maxDelay the longest a {@code delay} step waits ({@code plinth.server.steps.max-delay},
 *     24h, the longest a workflow may ask for); a delay holds no thread, only a scheduled message
 * @param httpAllowedHosts hosts an {@code http} step may call ({@code
 *     plinth.server.steps.http-allowed-hosts}, comma-separated, default {@code
 *     localhost,127.0.0.1})
 */
public record ExecutionSettings(
    int concurrency,
    int maxAttempts,
    Duration backoffInitial,
    Duration backoffMax,
    Duration maxDelay,
    Set<String> httpAllowedHosts) {

  /**
   * Reads the settings.
   *
   * @param config the configuration
   * @return the settings
   */
  public static ExecutionSettings from(PlinthConfig config) {
    return new ExecutionSettings(
        config.getInt("plinth.server.worker.concurrency", 8),
        config.getInt("plinth.server.worker.max-attempts", 3),
        config.getDuration("plinth.server.worker.backoff-initial", Duration.ofSeconds(1)),
        config.getDuration("plinth.server.worker.backoff-max", Duration.ofMinutes(1)),
        config.getDuration("plinth.server.steps.max-delay", StepLimits.MAX_DELAY),
        Arrays.stream(
                config
                    .getString("plinth.server.steps.http-allowed-hosts", "localhost,127.0.0.1")
                    .split(","))
            .map(host -> host.trim().toLowerCase(Locale.ROOT))
            .filter(host -> !host.isEmpty())
            .collect(Collectors.toUnmodifiableSet()));
  }

  /**
   * The queue subscription options: exponential backoff from {@link #backoffInitial}.
   *
   * @return the options
   */
  public SubscribeOptions subscribeOptions() {
    return SubscribeOptions.defaults()
        .withConcurrency(concurrency)
        .withPrefetch(concurrency)
        .withMaxAttempts(maxAttempts)
        .withBackoff(
            Backoff.exponential(
                backoffInitial,
                backoffMax.compareTo(backoffInitial) < 0 ? backoffInitial : backoffMax));
  }
}
