package dev.plinth.jakarta;

import dev.plinth.auth.Authenticator;
import dev.plinth.cache.Cache;
import dev.plinth.core.Platform;
import dev.plinth.core.PlatformHealth;
import dev.plinth.queue.MessageQueue;
import dev.plinth.storage.BlobStore;
import dev.plinth.telemetry.Telemetry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Starts ONE Plinth {@link Platform} per application from MicroProfile Config and makes it and its
 * ports injectable ({@code @Inject BlobStore storage;}, {@code @Inject Platform platform;}). The
 * platform starts with the application ({@link PlatformStartup}) or on first use, whichever comes
 * first, and is closed when the application stops.
 *
 * <p>Every {@link PlatformCustomizer} bean of the application adjusts the builder before the
 * platform starts; this library's own {@code MicroProfileMetricsCustomizer} uses that to copy the
 * SDK's metrics to MicroProfile Metrics. Depends only on CDI and MicroProfile Config.
 */
@ApplicationScoped
public class PlatformProducer {
  private static final Logger LOG = Logger.getLogger(PlatformProducer.class.getName());
  private static final long HEALTH_TTL_NANOS = 1_000_000_000L;

  private final Config config;
  private final Iterable<PlatformCustomizer> customizers;
  private volatile Platform platform;
  private volatile HealthSnapshot lastHealth;

  /**
   * Creates the producer.
   *
   * @param config the application's MicroProfile configuration
   * @param customizers the application's customizers, applied in no particular order
   */
  @Inject
  public PlatformProducer(Config config, @Any Instance<PlatformCustomizer> customizers) {
    this(config, (Iterable<PlatformCustomizer>) customizers);
  }

  /**
   * Creates a producer outside a container (tests, plain Java SE with MicroProfile Config).
   *
   * @param config the configuration to read {@code plinth.*} keys from
   * @param customizers adjust the builder before the platform starts
   */
  public PlatformProducer(Config config, List<PlatformCustomizer> customizers) {
    this(config, (Iterable<PlatformCustomizer>) List.copyOf(customizers));
  }

  private PlatformProducer(Config config, Iterable<PlatformCustomizer> customizers) {
    this.config = config;
    this.customizers = customizers;
  }

  /** For CDI proxies only. */
  protected PlatformProducer() {
    this.config = null;
    this.customizers = List.of();
  }

  /**
   * Returns the started platform, starting it on first use; also the producer of {@code @Inject
   * Platform} (dependent scope, since {@link Platform} is final and cannot be proxied: every
   * injection gets this one instance, and the platform is closed only by this producer).
   *
   * @return the platform
   * @throws dev.plinth.error.ConfigurationException if the {@code plinth.*} settings are invalid
   */
  @Produces
  @Dependent
  public Platform platform() {
    Platform current = platform;
    if (current == null) {
      synchronized (this) {
        current = platform;
        if (current == null) {
          Platform.Builder builder =
              Platform.builder()
                  .source(new MicroProfileConfigSource(config))
                  .classLoader(PlatformProducer.class.getClassLoader());
          for (PlatformCustomizer customizer : customizers) {
            customizer.customize(builder);
          }
          current = builder.build();
          Platform started = current;
          LOG.info(() -> "Plinth platform started: " + started.describe());
          platform = current;
        }
      }
    }
    return current;
  }

  /**
   * Returns the health of every port, checked at most once a second however many readiness checks
   * ask (one per port asks on every {@code /health/ready}).
   *
   * @return the platform health
   */
  public PlatformHealth health() {
    HealthSnapshot current = lastHealth;
    long now = System.nanoTime();
    if (current == null || now - current.takenAt() > HEALTH_TTL_NANOS) {
      current = new HealthSnapshot(platform().health(), now);
      lastHealth = current;
    }
    return current.health();
  }

  /**
   * Produces the blob store.
   *
   * @return the storage port
   */
  @Produces
  @ApplicationScoped
  public BlobStore storage() {
    return platform().storage();
  }

  /**
   * Produces the cache.
   *
   * @return the cache port
   */
  @Produces
  @ApplicationScoped
  public Cache cache() {
    return platform().cache();
  }

  /**
   * Produces the message queue.
   *
   * @return the queue port
   */
  @Produces
  @ApplicationScoped
  public MessageQueue queue() {
    return platform().queue();
  }

  /**
   * Produces the authenticator.
   *
   * @return the auth port
   */
  @Produces
  @ApplicationScoped
  public Authenticator auth() {
    return platform().auth();
  }

  /**
   * Produces the telemetry.
   *
   * @return the telemetry port
   */
  @Produces
  @ApplicationScoped
  public Telemetry telemetry() {
    return platform().telemetry();
  }

  /**
   * Closes the platform (every port, in reverse start order) when the application stops. A later
   * {@link #platform()} call would start a new one.
   */
  @PreDestroy
  public void close() {
    Platform current = platform;
    platform = null;
    if (current != null) {
      try {
        current.close();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Closing the Plinth platform failed", e);
      }
    }
  }

  private record HealthSnapshot(PlatformHealth health, long takenAt) {}
}
