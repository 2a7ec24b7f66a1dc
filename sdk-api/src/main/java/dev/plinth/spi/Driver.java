package dev.plinth.spi;

import dev.plinth.Capabilities;
import dev.plinth.Health;

/**
 * What every provider driver has. Drivers implement a narrow set of backend primitives; sdk-core's
 * portable types add validation, retries, metrics, tracing and error mapping once for all
 * providers.
 */
public interface Driver extends AutoCloseable {

  /**
   * Declares what the driver supports.
   *
   * @return the capabilities
   */
  Capabilities capabilities();

  /**
   * Checks the backend.
   *
   * @return the health
   */
  Health health();

  /**
   * Returns the native client behind this driver (a Jedis pool, a JMS connection factory, an Azure
   * client), or the driver itself when there is none. Used by {@code Port.unwrap}.
   *
   * @return the native client
   */
  Object nativeClient();

  /** Releases the driver's resources. Called once by the platform, in reverse start order. */
  @Override
  void close();
}
