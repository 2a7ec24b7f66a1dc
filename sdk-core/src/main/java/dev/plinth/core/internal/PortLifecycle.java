package dev.plinth.core.internal;

import dev.plinth.Port;
import dev.plinth.config.PlinthConfig;
import dev.plinth.core.PortName;
import dev.plinth.core.auth.PortableAuthenticator;
import dev.plinth.core.cache.PortableCache;
import dev.plinth.core.queue.PortableMessageQueue;
import dev.plinth.core.storage.PortableBlobStore;
import dev.plinth.error.PlinthException;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.spi.Driver;
import dev.plinth.spi.PlinthProvider;
import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.auth.AuthenticatorDriver;
import dev.plinth.spi.auth.AuthenticatorProvider;
import dev.plinth.spi.cache.CacheDriver;
import dev.plinth.spi.cache.CacheProvider;
import dev.plinth.spi.queue.QueueDriver;
import dev.plinth.spi.queue.QueueProvider;
import dev.plinth.spi.storage.BlobStoreDriver;
import dev.plinth.spi.storage.BlobStoreProvider;
import dev.plinth.spi.telemetry.TelemetryProvider;
import dev.plinth.telemetry.Telemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Starts the five ports in {@link PortName} order and closes them in reverse. Telemetry starts
 * first with a no-op telemetry in its context; every later port gets the real one (decorated, when
 * a decorator is given). If a port fails to start, the ports already started are closed before the
 * failure is rethrown.
 */
public final class PortLifecycle {

  private PortLifecycle() {}

  /**
   * Starts every port.
   *
   * @param config the merged configuration
   * @param registry where providers are found
   * @return the ports in start order
   * @throws PlinthException if a provider is unknown, misconfigured or fails to start
   */
  public static List<ActivePort> startAll(PlinthConfig config, ProviderRegistry registry) {
    return startAll(config, registry, UnaryOperator.identity());
  }

  /**
   * Starts every port, passing the telemetry driver through a decorator first: the decorated
   * telemetry is the port callers get and the one every later port records to; closing still closes
   * the driver.
   *
   * @param config the merged configuration
   * @param registry where providers are found
   * @param decorator wraps the started telemetry, e.g. to copy metrics to another registry
   * @return the ports in start order
   * @throws PlinthException if a provider is unknown, misconfigured or fails to start
   */
  public static List<ActivePort> startAll(
      PlinthConfig config, ProviderRegistry registry, UnaryOperator<Telemetry> decorator) {
    List<ActivePort> started = new ArrayList<>();
    Telemetry telemetry = Telemetry.noop();
    try {
      for (PortName name : PortName.values()) {
        ActivePort port = start(name, config, registry, telemetry);
        if (name == PortName.TELEMETRY) {
          port = decorate(port, decorator);
          telemetry = (Telemetry) port.port();
        }
        started.add(port);
      }
      return List.copyOf(started);
    } catch (RuntimeException e) {
      RuntimeException closeFailure = closeAll(started);
      if (closeFailure != null) {
        e.addSuppressed(closeFailure);
      }
      throw e;
    }
  }

  private static ActivePort decorate(ActivePort port, UnaryOperator<Telemetry> decorator) {
    Telemetry decorated;
    try {
      decorated = decorator.apply((Telemetry) port.port());
    } catch (RuntimeException e) {
      closeAll(List.of(port)); // the driver started: release it before failing
      throw e;
    }
    if (decorated == null) {
      closeAll(List.of(port));
      throw new IllegalStateException("The telemetry decorator returned null");
    }
    return new ActivePort(
        port.name(), port.provider(), port.description(), decorated, port.closer());
  }

  private static ActivePort start(
      PortName name, PlinthConfig config, ProviderRegistry registry, Telemetry telemetry) {
    String providerName =
        config.require(name.providerKey(), "memory").trim().toLowerCase(Locale.ROOT);
    if (name != PortName.TELEMETRY && providerName.equals(PortName.NONE)) {
      return ActivePort.disabled(name);
    }
    PlinthProvider<?> provider = registry.select(name, providerName);
    ProviderContext context = new ProviderContext(name.id(), config, telemetry);
    Port port;
    try {
      port = create(name, provider, providerName, context, config);
    } catch (PlinthException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ProviderUnavailableException(
          "The "
              + name.id()
              + " provider '"
              + providerName
              + "' failed to start ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "). Check its settings under 'plinth."
              + name.id()
              + "."
              + providerName
              + ".*' and that its backend is reachable.",
          e);
    }
    return new ActivePort(name, providerName, provider.description(), port, (AutoCloseable) port);
  }

  private static Port create(
      PortName name,
      PlinthProvider<?> provider,
      String providerName,
      ProviderContext context,
      PlinthConfig config) {
    Telemetry telemetry = context.telemetry();
    return switch (name) {
      case TELEMETRY -> ((TelemetryProvider) provider).create(context);
      case AUTH -> {
        AuthenticatorDriver driver = ((AuthenticatorProvider) provider).create(context);
        yield wrap(driver, () -> new PortableAuthenticator(providerName, driver, telemetry));
      }
      case CACHE -> {
        CacheDriver driver = ((CacheProvider) provider).create(context);
        yield wrap(driver, () -> new PortableCache(providerName, driver, telemetry, config));
      }
      case STORAGE -> {
        BlobStoreDriver driver = ((BlobStoreProvider) provider).create(context);
        yield wrap(driver, () -> new PortableBlobStore(providerName, driver, telemetry, config));
      }
      case QUEUE -> {
        QueueDriver driver = ((QueueProvider) provider).create(context);
        yield wrap(driver, () -> new PortableMessageQueue(providerName, driver, telemetry, config));
      }
    };
  }

  /** Wraps a started driver; if the portable type refuses the settings, the driver is closed. */
  private static Port wrap(Driver driver, Supplier<Port> portable) {
    try {
      return portable.get();
    } catch (RuntimeException e) {
      try {
        driver.close();
      } catch (RuntimeException closeFailure) {
        e.addSuppressed(closeFailure);
      }
      throw e;
    }
  }

  /**
   * Closes ports in reverse order. Every port is closed even if one fails.
   *
   * @param ports the ports in start order
   * @return the first failure, with later ones suppressed, or null if all closed cleanly
   */
  public static RuntimeException closeAll(List<ActivePort> ports) {
    RuntimeException first = null;
    for (int i = ports.size() - 1; i >= 0; i--) {
      ActivePort port = ports.get(i);
      if (port.closer() == null) {
        continue;
      }
      try {
        port.closer().close();
      } catch (Exception e) {
        RuntimeException failure =
            e instanceof RuntimeException r
                ? r
                : new PlinthException(
                    "Closing the "
                        + port.name().id()
                        + " provider '"
                        + port.provider()
                        + "' failed",
                    e);
        if (first == null) {
          first = failure;
        } else {
          first.addSuppressed(failure);
        }
      }
    }
    return first;
  }
}
