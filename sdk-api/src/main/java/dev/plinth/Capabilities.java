package dev.plinth;

import java.util.Collections;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The features and limits a provider declares. Feature names are constants in each port's {@code
 * *Capabilities} class (for example {@link dev.plinth.storage.StorageCapabilities}); an operation
 * whose feature is absent throws {@link UnsupportedOperationException} naming the feature.
 */
public final class Capabilities {
  private static final Capabilities NONE = new Capabilities(Set.of(), Map.of());

  private final Set<String> features;
  private final Map<String, Long> limits;

  private Capabilities(Set<String> features, Map<String, Long> limits) {
    this.features = Collections.unmodifiableSet(new TreeSet<>(features));
    this.limits = Collections.unmodifiableMap(new TreeMap<>(limits));
  }

  /**
   * Returns capabilities with no features and no limits.
   *
   * @return the empty capabilities
   */
  public static Capabilities none() {
    return NONE;
  }

  /**
   * Starts building a set of capabilities.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Tells whether a feature is supported.
   *
   * @param feature a feature constant
   * @return true if the provider declared it
   */
  public boolean supports(String feature) {
    return features.contains(feature);
  }

  /**
   * Returns a declared limit, such as the maximum message size in bytes.
   *
   * @param name a limit constant
   * @return the limit, or empty if the provider declared none
   */
  public OptionalLong limit(String name) {
    Long value = limits.get(name);
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }

  /**
   * Returns every supported feature, sorted.
   *
   * @return an unmodifiable set of feature names
   */
  public Set<String> features() {
    return features;
  }

  /**
   * Returns every declared limit, sorted by name.
   *
   * @return an unmodifiable map of limit name to value
   */
  public Map<String, Long> limits() {
    return limits;
  }

  /**
   * Throws if a feature is not supported. Portable types call this before an optional operation.
   *
   * @param feature the feature needed
   * @param provider the provider name, for the message
   * @throws UnsupportedOperationException if the feature is absent
   */
  public void require(String feature, String provider) {
    if (!supports(feature)) {
      throw new UnsupportedOperationException(
          "Provider '" + provider + "' does not support '" + feature + "'. Supported: " + features);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Capabilities c && c.features.equals(features) && c.limits.equals(limits);
  }

  @Override
  public int hashCode() {
    return features.hashCode() * 31 + limits.hashCode();
  }

  @Override
  public String toString() {
    return "Capabilities{features=" + features + ", limits=" + limits + '}';
  }

  /** Builds {@link Capabilities}. */
  public static final class Builder {
    private final Set<String> features = new TreeSet<>();
    private final Map<String, Long> limits = new TreeMap<>();

    private Builder() {}

    /**
     * Declares supported features.
     *
     * @param names feature constants
     * @return this builder
     */
    public Builder feature(String... names) {
      features.addAll(Set.of(names));
      return this;
    }

    /**
     * Declares a limit.
     *
     * @param name a limit constant
     * @param value the limit
     * @return this builder
     */
    public Builder limit(String name, long value) {
      limits.put(name, value);
      return this;
    }

    /**
     * Builds the capabilities.
     *
     * @return the immutable capabilities
     */
    public Capabilities build() {
      return new Capabilities(features, limits);
    }
  }
}
