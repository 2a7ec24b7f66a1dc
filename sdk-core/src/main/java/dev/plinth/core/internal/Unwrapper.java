package dev.plinth.core.internal;

import java.util.Objects;

/**
 * The one implementation of {@link dev.plinth.Port#unwrap(Class)} behind every portable type and
 * built-in telemetry driver, so that all ports answer alike and fail with the same informative
 * message.
 */
public final class Unwrapper {
  private Unwrapper() {}

  /**
   * Returns the first of the portable object, the driver and the native client that is an instance
   * of {@code type}.
   *
   * @param portable the object callers use (the port itself)
   * @param driver the driver behind it (may be the portable object itself)
   * @param nativeClient the driver's native client, or null if it has none
   * @param type the wanted class
   * @param what how messages name the port, e.g. {@code Blob store 'memory'}
   * @param <T> the wanted type
   * @return the matching object
   * @throws IllegalArgumentException naming what the port wraps if none matches
   */
  public static <T> T unwrap(
      Object portable, Object driver, Object nativeClient, Class<T> type, String what) {
    Objects.requireNonNull(type, "type");
    for (Object candidate : new Object[] {portable, driver, nativeClient}) {
      if (type.isInstance(candidate)) {
        return type.cast(candidate);
      }
    }
    throw new IllegalArgumentException(
        what
            + " wraps "
            + driver.getClass().getName()
            + " and "
            + (nativeClient == null || nativeClient == driver
                ? "no native client"
                : "native client " + nativeClient.getClass().getName())
            + ", none of which is a "
            + type.getName()
            + "; ask for one of those types instead.");
  }
}
