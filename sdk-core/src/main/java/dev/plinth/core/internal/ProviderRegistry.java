package dev.plinth.core.internal;

import dev.plinth.core.PortName;
import dev.plinth.error.ConfigurationException;
import dev.plinth.spi.PlinthProvider;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * Finds providers through {@link ServiceLoader}, one SPI per port, and fails fast with a message
 * that names the key, the value, the providers found and the artifact to add.
 */
public final class ProviderRegistry {
  private final ClassLoader classLoader;
  private final Map<PortName, List<PlinthProvider<?>>> cache = new EnumMap<>(PortName.class);

  /**
   * Creates a registry.
   *
   * @param classLoader the class loader whose {@code META-INF/services} are searched
   */
  public ProviderRegistry(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  /**
   * Returns the providers of a port found on the classpath.
   *
   * @param port the port
   * @return the providers, in discovery order
   * @throws ConfigurationException if a registered provider cannot be instantiated
   */
  public synchronized List<PlinthProvider<?>> providers(PortName port) {
    return cache.computeIfAbsent(port, this::load);
  }

  /**
   * Returns the sorted, distinct names of the providers of a port.
   *
   * @param port the port
   * @return the names
   */
  public List<String> names(PortName port) {
    TreeSet<String> names = new TreeSet<>();
    providers(port).forEach(p -> names.add(p.name()));
    return List.copyOf(names);
  }

  /**
   * Selects the provider with a name.
   *
   * @param port the port
   * @param name the configured name
   * @return the only provider with that name
   * @throws ConfigurationException if none or several providers have that name
   */
  public PlinthProvider<?> select(PortName port, String name) {
    List<PlinthProvider<?>> matches =
        providers(port).stream().filter(p -> p.name().equals(name)).toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.isEmpty()) {
      throw new ConfigurationException(port.providerKey(), notFoundMessage(port, name));
    }
    List<String> classes = matches.stream().map(p -> p.getClass().getName()).toList();
    throw new ConfigurationException(
        port.providerKey(),
        "Several "
            + port.id()
            + " providers are named '"
            + name
            + "': "
            + classes
            + ". Remove all but one of the artifacts that contain them from the classpath.");
  }

  private String notFoundMessage(PortName port, String name) {
    List<String> found = names(port);
    String example = port.providerEnvName() + "=" + (found.isEmpty() ? "none" : found.get(0));
    StringBuilder sb = new StringBuilder();
    sb.append("No ")
        .append(port.id())
        .append(" provider named '")
        .append(name)
        .append("' for '")
        .append(port.providerKey())
        .append("' (")
        .append(port.providerEnvName())
        .append("). Providers found on the classpath: ")
        .append(found)
        .append(port == PortName.TELEMETRY ? "" : " (or 'none' to disable the port)")
        .append(". ");
    KnownProviders.artifactOf(name)
        .ifPresentOrElse(
            artifact ->
                sb.append("Provider '")
                    .append(name)
                    .append("' is in ")
                    .append(artifact)
                    .append(": add that dependency, or choose a provider that is present. "),
            () ->
                sb.append("Check the spelling; known providers and their artifacts: ")
                    .append(KnownProviders.table())
                    .append(". "));
    return sb.append("Example: ").append(example).toString();
  }

  private List<PlinthProvider<?>> load(PortName port) {
    List<PlinthProvider<?>> providers = new ArrayList<>();
    try {
      for (PlinthProvider<?> provider : ServiceLoader.load(port.spi(), classLoader)) {
        providers.add(provider);
      }
    } catch (ServiceConfigurationError e) {
      throw new ConfigurationException(
          port.providerKey(),
          "A "
              + port.id()
              + " provider registered in META-INF/services/"
              + port.spi().getName()
              + " cannot be loaded: "
              + e.getMessage()
              + ". Check that its artifact matches this Plinth version.",
          e);
    }
    return List.copyOf(providers);
  }
}
