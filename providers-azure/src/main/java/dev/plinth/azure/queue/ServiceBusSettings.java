package dev.plinth.azure.queue;

import dev.plinth.config.PlinthConfig;
import dev.plinth.error.ConfigurationException;
import dev.plinth.spi.ProviderContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code plinth.queue.azure-servicebus.*} settings, validated at startup. Exactly one of {@code
 * connectionString} and {@code namespace} is set.
 *
 * @param connectionString a namespace connection string, or null; never printed
 * @param namespace the fully qualified namespace for passwordless access, or null
 * @param maxLockRenewal how long the SDK keeps renewing a message lock while its handler runs
 * @param defaultPrefetch the prefetch used when a subscription asks for none
 * @param maxMessageBytes the largest message body accepted (Standard tier: 256 KiB)
 * @param sessionQueues queues that are session-enabled ({@code *} = all); needed for ordering
 * @param duplicateDetection whether the queues have duplicate detection enabled
 * @param autoCreateQueues whether missing queues are created (needs the Manage right)
 * @param closeTimeout how long closing a subscription waits for handlers in progress
 * @param deadLetterScanLimit how many dead letters a redrive or delete scans for its id
 */
record ServiceBusSettings(
    String connectionString,
    String namespace,
    Duration maxLockRenewal,
    int defaultPrefetch,
    long maxMessageBytes,
    Set<String> sessionQueues,
    boolean duplicateDetection,
    boolean autoCreateQueues,
    Duration closeTimeout,
    int deadLetterScanLimit) {

  static final String PREFIX = "azure-servicebus.";
  static final String CONNECTION_STRING = PREFIX + "connection-string";
  static final String NAMESPACE = PREFIX + "namespace";
  static final String MAX_LOCK_RENEWAL = PREFIX + "max-lock-renewal";
  static final String PREFETCH = PREFIX + "prefetch";
  static final String MAX_MESSAGE_BYTES = PREFIX + "max-message-bytes";
  static final String SESSION_QUEUES = PREFIX + "session-queues";
  static final String DUPLICATE_DETECTION = PREFIX + "duplicate-detection";
  static final String AUTO_CREATE_QUEUES = PREFIX + "auto-create-queues";
  static final String CLOSE_TIMEOUT = PREFIX + "close-timeout";
  static final String DEAD_LETTER_SCAN_LIMIT = PREFIX + "dead-letter-scan-limit";

  /** Standard tier's message size limit. */
  static final long STANDARD_MAX_MESSAGE_BYTES = 256L * 1024;

  /**
   * Reads and validates the settings.
   *
   * @param context the provider context
   * @return the settings
   * @throws ConfigurationException naming the key of a missing, conflicting or bad value
   */
  static ServiceBusSettings from(ProviderContext context) {
    PlinthConfig config = context.config();
    Optional<String> connectionString = value(context, CONNECTION_STRING);
    Optional<String> namespace = value(context, NAMESPACE);
    if (connectionString.isPresent() && namespace.isPresent()) {
      throw new ConfigurationException(
          context.key(NAMESPACE),
          "Both '"
              + context.key(CONNECTION_STRING)
              + "' and '"
              + context.key(NAMESPACE)
              + "' are set: keep one. Prefer the namespace (passwordless, DefaultAzureCredential).");
    }
    if (connectionString.isEmpty() && namespace.isEmpty()) {
      throw new ConfigurationException(
          context.key(NAMESPACE),
          "The azure-servicebus queue provider needs '"
              + context.key(NAMESPACE)
              + "' (environment variable "
              + PlinthConfig.envName(context.key(NAMESPACE))
              + ", e.g. "
              + PlinthConfig.envName(context.key(NAMESPACE))
              + "=myns.servicebus.windows.net, signs in with DefaultAzureCredential) or '"
              + context.key(CONNECTION_STRING)
              + "' (environment variable "
              + PlinthConfig.envName(context.key(CONNECTION_STRING))
              + ", e.g. Endpoint=sb://myns.servicebus.windows.net/;SharedAccessKeyName=...;"
              + "SharedAccessKey=...).");
    }
    if (connectionString.isPresent() && !connectionString.get().contains("Endpoint=")) {
      throw PlinthConfig.invalid(
          context.key(CONNECTION_STRING),
          connectionString.get(),
          "a Service Bus connection string starting with Endpoint=sb://<namespace>/");
    }
    String ns = namespace.map(ServiceBusSettings::normalizeNamespace).orElse(null);
    if (namespace.isPresent() && !ns.contains(".")) {
      throw PlinthConfig.invalid(
          context.key(NAMESPACE),
          namespace.get(),
          "a fully qualified namespace, e.g. myns.servicebus.windows.net");
    }
    return new ServiceBusSettings(
        connectionString.orElse(null),
        ns,
        positive(context, MAX_LOCK_RENEWAL, Duration.ofMinutes(5)),
        (int) range(context, PREFETCH, 0, 0, 1000),
        range(context, MAX_MESSAGE_BYTES, STANDARD_MAX_MESSAGE_BYTES, 1, 100L * 1024 * 1024),
        sessionQueues(context),
        config.getBoolean(context.key(DUPLICATE_DETECTION), true),
        config.getBoolean(context.key(AUTO_CREATE_QUEUES), false),
        positive(context, CLOSE_TIMEOUT, Duration.ofSeconds(30)),
        (int) range(context, DEAD_LETTER_SCAN_LIMIT, 1000, 1, 100_000));
  }

  /**
   * Tells whether a queue is session-enabled.
   *
   * @param queue the queue
   * @return true if listed in {@code session-queues} (or that setting is {@code *})
   */
  boolean isSessionQueue(String queue) {
    return sessionQueues.contains("*") || sessionQueues.contains(queue);
  }

  /**
   * Describes where the namespace is, without secrets.
   *
   * @return e.g. {@code myns.servicebus.windows.net (DefaultAzureCredential)}
   */
  String endpoint() {
    if (namespace != null) {
      return namespace + " (DefaultAzureCredential)";
    }
    String host = "unknown namespace";
    for (String part : connectionString.split(";")) {
      if (part.startsWith("Endpoint=")) {
        host = normalizeNamespace(part.substring("Endpoint=".length()));
      }
    }
    return host + " (connection string)";
  }

  @Override
  public String toString() {
    return "ServiceBusSettings{" + endpoint() + ", sessionQueues=" + sessionQueues + '}';
  }

  private static String normalizeNamespace(String raw) {
    String ns = raw.trim();
    int scheme = ns.indexOf("://");
    if (scheme >= 0) {
      ns = ns.substring(scheme + 3);
    }
    while (ns.endsWith("/")) {
      ns = ns.substring(0, ns.length() - 1);
    }
    return ns;
  }

  private static Set<String> sessionQueues(ProviderContext context) {
    return value(context, SESSION_QUEUES)
        .map(
            v ->
                Arrays.stream(v.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .collect(Collectors.toUnmodifiableSet()))
        .orElse(Set.of());
  }

  private static Duration positive(ProviderContext context, String name, Duration fallback) {
    Duration value = context.config().getDuration(context.key(name), fallback);
    if (value.isNegative() || value.isZero()) {
      throw PlinthConfig.invalid(
          context.key(name), value.toString(), "a positive duration, e.g. 5m");
    }
    return value;
  }

  private static long range(
      ProviderContext context, String name, long fallback, long min, long max) {
    long value = context.config().getLong(context.key(name), fallback);
    if (value < min || value > max) {
      throw PlinthConfig.invalid(
          context.key(name), Long.toString(value), "a number from " + min + " to " + max);
    }
    return value;
  }

  private static Optional<String> value(ProviderContext context, String name) {
    return context.get(name).map(String::trim).filter(v -> !v.isEmpty());
  }
}
