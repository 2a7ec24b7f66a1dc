package dev.plinth.core;

import dev.plinth.Health;
import dev.plinth.Port;
import dev.plinth.auth.Authenticator;
import dev.plinth.cache.Cache;
import dev.plinth.config.ConfigSource;
import dev.plinth.config.PlinthConfig;
import dev.plinth.config.Profile;
import dev.plinth.core.config.ConfigLoader;
import dev.plinth.core.config.MapConfigSource;
import dev.plinth.core.config.MergedConfig;
import dev.plinth.core.internal.ActivePort;
import dev.plinth.core.internal.PortLifecycle;
import dev.plinth.core.internal.ProviderRegistry;
import dev.plinth.error.ConfigurationException;
import dev.plinth.queue.MessageQueue;
import dev.plinth.storage.BlobStore;
import dev.plinth.telemetry.Telemetry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * The entry point of the SDK: resolves configuration, discovers one provider per port and starts
 * them (telemetry, auth, cache, storage, queue), and closes them in reverse order.
 *
 * <pre>{@code
 * try (Platform platform = Platform.fromEnvironment()) {
 *   platform.storage().put("reports/1.json", bytes, PutOptions.none());
 * }
 * }</pre>
 */
public final class Platform implements AutoCloseable {
  private final MergedConfig config;
  private final List<ActivePort> ports;
  private final Map<PortName, ActivePort> byName = new EnumMap<>(PortName.class);
  private final AtomicBoolean closed = new AtomicBoolean();

  private Platform(MergedConfig config, List<ActivePort> ports) {
    this.config = config;
    this.ports = ports;
    ports.forEach(p -> byName.put(p.name(), p));
  }

  /**
   * Starts a platform configured by system properties, environment variables, {@code
   * plinth.properties} and the profile defaults ({@code PLINTH_PROFILE}, default {@code local}).
   *
   * @return the started platform
   * @throws ConfigurationException if the configuration is unknown, missing or malformed
   */
  public static Platform fromEnvironment() {
    return builder().build();
  }

  /**
   * Starts a platform with the memory profile: memory providers for every port, for tests.
   *
   * @return the started platform
   */
  public static Platform inMemory() {
    return builder().profile(Profile.MEMORY).build();
  }

  /**
   * Starts building a platform whose properties win over every other configuration source.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the blob store.
   *
   * @return the storage port
   * @throws ConfigurationException if {@code plinth.storage.provider=none}
   */
  public BlobStore storage() {
    return port(PortName.STORAGE, BlobStore.class);
  }

  /**
   * Returns the cache.
   *
   * @return the cache port
   * @throws ConfigurationException if {@code plinth.cache.provider=none}
   */
  public Cache cache() {
    return port(PortName.CACHE, Cache.class);
  }

  /**
   * Returns the message queue.
   *
   * @return the queue port
   * @throws ConfigurationException if {@code plinth.queue.provider=none}
   */
  public MessageQueue queue() {
    return port(PortName.QUEUE, MessageQueue.class);
  }

  /**
   * Returns the authenticator.
   *
   * @return the auth port
   * @throws ConfigurationException if {@code plinth.auth.provider=none}
   */
  public Authenticator auth() {
    return port(PortName.AUTH, Authenticator.class);
  }

  /**
   * Returns the telemetry; with {@code plinth.telemetry.provider=none} it records nothing.
   *
   * @return the telemetry port
   */
  public Telemetry telemetry() {
    return port(PortName.TELEMETRY, Telemetry.class);
  }

  /**
   * Returns the merged configuration the platform was started with.
   *
   * @return the configuration
   */
  public PlinthConfig config() {
    return config;
  }

  /**
   * Checks every port. Never throws: a port whose check fails is reported DOWN with the error.
   *
   * @return the per-port and overall health
   */
  public PlatformHealth health() {
    Map<PortName, Health> health = new LinkedHashMap<>();
    for (ActivePort port : ports) {
      health.put(port.name(), check(port));
    }
    return PlatformHealth.of(health);
  }

  private static Health check(ActivePort port) {
    if (port.isDisabled()) {
      return Health.up(port.description());
    }
    try {
      Health health = port.port().health();
      return health != null ? health : Health.down("The provider returned no health");
    } catch (RuntimeException e) {
      return Health.down(
          "Health check of '"
              + port.provider()
              + "' failed: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  /**
   * Describes the profile and, per port, the provider and its capabilities.
   *
   * @return the description
   */
  public PlatformDescription describe() {
    Map<PortName, PlatformDescription.PortDescription> described = new LinkedHashMap<>();
    for (ActivePort port : ports) {
      described.put(
          port.name(),
          new PlatformDescription.PortDescription(
              port.provider(),
              port.description(),
              port.isDisabled() ? dev.plinth.Capabilities.none() : port.port().capabilities()));
    }
    return new PlatformDescription(config.profile(), described);
  }

  /**
   * Closes every port in reverse start order. Idempotent; every port is closed even if one fails,
   * then the first failure is rethrown (later ones suppressed).
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      RuntimeException failure = PortLifecycle.closeAll(ports);
      if (failure != null) {
        throw failure;
      }
    }
  }

  private <T extends Port> T port(PortName name, Class<T> type) {
    if (closed.get()) {
      throw new IllegalStateException("The platform is closed; start a new one.");
    }
    ActivePort port = byName.get(name);
    if (port.isDisabled()) {
      throw new ConfigurationException(
          name.providerKey(),
          "The "
              + name.id()
              + " port is disabled ("
              + name.providerKey()
              + "=none). Set '"
              + name.providerKey()
              + "' ("
              + name.providerEnvName()
              + ") to a provider to use it.");
    }
    return type.cast(port.port());
  }

  @Override
  public String toString() {
    return describe().toString();
  }

  /** Builds a {@link Platform}. Builder properties win over every other source (ordinal 500). */
  public static final class Builder {
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<ConfigSource> sources = new ArrayList<>();
    private Map<String, String> environment = System.getenv();
    private ClassLoader classLoader = Platform.class.getClassLoader();
    private UnaryOperator<Telemetry> telemetryDecorator = UnaryOperator.identity();

    private Builder() {}

    /**
     * Selects the profile ({@code plinth.profile}).
     *
     * @param profile the profile
     * @return this builder
     */
    public Builder profile(Profile profile) {
      return property(MergedConfig.PROFILE_KEY, profile.id());
    }

    /**
     * Sets one property, e.g. {@code property("plinth.storage.provider", "filesystem")}.
     *
     * @param key a dotted key
     * @param value the value
     * @return this builder
     */
    public Builder property(String key, String value) {
      properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, key));
      return this;
    }

    /**
     * Sets several properties.
     *
     * @param values dotted keys and values
     * @return this builder
     */
    public Builder properties(Map<String, String> values) {
      values.forEach(this::property);
      return this;
    }

    /**
     * Adds a configuration source, e.g. a bridge to MicroProfile Config; its ordinal places it.
     *
     * @param source the source
     * @return this builder
     */
    public Builder source(ConfigSource source) {
      sources.add(Objects.requireNonNull(source, "source"));
      return this;
    }

    /**
     * Sets the class loader whose {@code META-INF/services} and {@code plinth.properties} are read
     * (default: the one that loaded Plinth).
     *
     * @param loader the class loader
     * @return this builder
     */
    public Builder classLoader(ClassLoader loader) {
      this.classLoader = Objects.requireNonNull(loader, "loader");
      return this;
    }

    /**
     * Wraps the started telemetry provider, e.g. to copy every metric into an application server's
     * metric registry as well. The decorated telemetry is what {@link Platform#telemetry()} returns
     * and what every other port records to, so the SDK's own metrics pass through it too; closing
     * the platform still closes the provider. The decorator must delegate every call it does not
     * handle (including {@code unwrap}, {@code health} and spans) to the telemetry it is given.
     * Calling this again composes: the later decorator wraps the earlier one.
     *
     * @param decorator returns the telemetry to use in place of the one it is given (never null)
     * @return this builder
     */
    public Builder decorateTelemetry(UnaryOperator<Telemetry> decorator) {
      Objects.requireNonNull(decorator, "decorator");
      UnaryOperator<Telemetry> earlier = telemetryDecorator;
      telemetryDecorator = telemetry -> decorator.apply(earlier.apply(telemetry));
      return this;
    }

    /** Replaces the process environment, so tests can exercise environment variables. */
    Builder environment(Map<String, String> variables) {
      this.environment = Map.copyOf(variables);
      return this;
    }

    /**
     * Resolves the configuration and starts every port.
     *
     * @return the started platform
     * @throws ConfigurationException if the configuration is unknown, missing or malformed
     * @throws dev.plinth.error.ProviderUnavailableException if a backend cannot be started
     */
    public Platform build() {
      List<ConfigSource> explicit = new ArrayList<>(sources);
      explicit.add(new MapConfigSource("builder", MapConfigSource.BUILDER_ORDINAL, properties));
      MergedConfig config = ConfigLoader.load(explicit, environment, classLoader);
      List<ActivePort> ports =
          PortLifecycle.startAll(config, new ProviderRegistry(classLoader), telemetryDecorator);
      return new Platform(config, ports);
    }
  }
}
