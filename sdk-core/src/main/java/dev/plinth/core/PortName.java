package dev.plinth.core;

import dev.plinth.config.PlinthConfig;
import dev.plinth.spi.PlinthProvider;
import dev.plinth.spi.auth.AuthenticatorProvider;
import dev.plinth.spi.cache.CacheProvider;
import dev.plinth.spi.queue.QueueProvider;
import dev.plinth.spi.storage.BlobStoreProvider;
import dev.plinth.spi.telemetry.TelemetryProvider;
import java.util.Locale;

/**
 * The five ports, declared in start order: telemetry first (every other port records into it), then
 * auth, cache, storage and queue. The platform closes them in reverse.
 */
public enum PortName {
  /** Metrics, spans and events. */
  TELEMETRY(TelemetryProvider.class),
  /** Bearer-token verification. */
  AUTH(AuthenticatorProvider.class),
  /** Key-value cache. */
  CACHE(CacheProvider.class),
  /** Blob storage. */
  STORAGE(BlobStoreProvider.class),
  /** Message queue. */
  QUEUE(QueueProvider.class);

  /** The provider name that disables a port. */
  public static final String NONE = "none";

  private final Class<? extends PlinthProvider<?>> spi;

  PortName(Class<? extends PlinthProvider<?>> spi) {
    this.spi = spi;
  }

  /**
   * Returns the port's configuration name, e.g. {@code storage}.
   *
   * @return the lower-case id
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the key that selects the provider, e.g. {@code plinth.storage.provider}.
   *
   * @return the key
   */
  public String providerKey() {
    return "plinth." + id() + ".provider";
  }

  /**
   * Returns the environment variable that selects the provider, e.g. {@code
   * PLINTH_STORAGE_PROVIDER}.
   *
   * @return the variable name
   */
  public String providerEnvName() {
    return PlinthConfig.envName(providerKey());
  }

  /**
   * Returns the SPI interface providers of this port implement.
   *
   * @return the SPI type
   */
  public Class<? extends PlinthProvider<?>> spi() {
    return spi;
  }
}
