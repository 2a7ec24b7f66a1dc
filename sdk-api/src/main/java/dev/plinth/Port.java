package dev.plinth;

/**
 * What every Plinth port (blob store, cache, message queue, authenticator, telemetry) has in
 * common: the name of the provider behind it, what it can do, whether it is healthy, and an escape
 * hatch to the native client.
 */
public interface Port {

  /**
   * Returns the name of the provider serving this port, e.g. {@code filesystem} or {@code
   * azure-blob}.
   *
   * @return the provider name, as used in {@code plinth.<port>.provider}
   */
  String provider();

  /**
   * Returns what this provider supports (conditional writes, scheduled delivery, ...).
   *
   * @return the declared capabilities; never null
   */
  Capabilities capabilities();

  /**
   * Checks the backend and reports its health. May perform I/O; callers should not call it on a hot
   * path.
   *
   * @return the current health; never null
   */
  Health health();

  /**
   * Gives access to the object behind this port: the provider's driver or the native client (for
   * example a Jedis pool or an Azure {@code BlobContainerClient}). Code that uses it is no longer
   * portable.
   *
   * @param type the class of the wanted object
   * @param <T> the wanted type
   * @return the underlying object of that type
   * @throws IllegalArgumentException if nothing behind this port is of that type
   */
  <T> T unwrap(Class<T> type);
}
