package dev.plinth.error;

import java.util.Optional;

/**
 * The configuration is missing, unknown or malformed. Thrown at startup (fail fast); the message
 * names the key, the offending value (never a secret) and the allowed values or an example.
 */
public class ConfigurationException extends PlinthException {
  private static final long serialVersionUID = 1L;

  /** The configuration key at fault, or null. */
  private final String key;

  /**
   * Creates the exception.
   *
   * @param key the configuration key at fault, e.g. {@code plinth.storage.provider}, or null
   * @param message what is wrong and how to fix it
   */
  public ConfigurationException(String key, String message) {
    super(message);
    this.key = key;
  }

  /**
   * Creates the exception with a cause.
   *
   * @param key the configuration key at fault, or null
   * @param message what is wrong and how to fix it
   * @param cause the underlying exception
   */
  public ConfigurationException(String key, String message, Throwable cause) {
    super(message, cause);
    this.key = key;
  }

  /**
   * Returns the configuration key at fault.
   *
   * @return the key, or empty if the problem is not tied to one key
   */
  public Optional<String> key() {
    return Optional.ofNullable(key);
  }

  @Override
  public String code() {
    return "configuration";
  }
}
