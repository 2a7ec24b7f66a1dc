package dev.plinth.spi;

/**
 * A factory for one provider of one port, found through {@link java.util.ServiceLoader} under its
 * port's sub-interface (for example {@link dev.plinth.spi.storage.BlobStoreProvider}).
 *
 * @param <D> the driver type it creates
 */
public interface PlinthProvider<D> {

  /**
   * Returns the name users select with {@code plinth.<port>.provider}, e.g. {@code filesystem}.
   *
   * @return the provider name, lower case with dashes
   */
  String name();

  /**
   * Returns a one-line description for {@code Platform.describe()} and error messages.
   *
   * @return the description
   */
  String description();

  /**
   * Creates and starts a driver. Reads its settings from {@link ProviderContext#get} and fails fast
   * with a {@link dev.plinth.error.ConfigurationException} naming the key when one is missing or
   * bad.
   *
   * @param context configuration and telemetry
   * @return the started driver
   */
  D create(ProviderContext context);
}
