package dev.plinth.redis;

import dev.plinth.config.PlinthConfig;
import dev.plinth.error.ConfigurationException;
import java.util.Objects;
import javax.net.ssl.SSLSocketFactory;

/**
 * The certificates a TLS connection to Redis trusts when they are not the JVM's default ones: a
 * private CA or a self-signed server, read from {@code <prefix>.truststore}. Without one, the JVM's
 * default trust store applies (e.g. the public CA chain of Azure Cache for Redis).
 *
 * @param source the truststore file, for messages (never its password)
 * @param socketFactory creates TLS sockets that trust only the truststore's certificates
 */
public record RedisTrust(String source, SSLSocketFactory socketFactory) {

  /** The setting, under a provider's prefix, that names the truststore file. */
  public static final String TRUSTSTORE = "truststore";

  /** The setting, under a provider's prefix, that holds a PKCS12/JKS truststore's password. */
  public static final String TRUSTSTORE_PASSWORD = "truststore-password";

  /**
   * Validates the trust.
   *
   * @param source the truststore file
   * @param socketFactory the socket factory
   */
  public RedisTrust {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(socketFactory, "socketFactory");
  }

  /**
   * Reads {@code <prefix>.truststore} (and {@code <prefix>.truststore-password}) and loads it.
   *
   * @param config the configuration
   * @param prefix the provider's prefix, e.g. {@code plinth.cache.redis}
   * @param tls whether the connection uses TLS
   * @return the trust, or null when no truststore is set (the JVM default trust applies)
   * @throws ConfigurationException naming the key when the file cannot be used, or when a
   *     truststore is set but TLS is off
   */
  public static RedisTrust fromConfig(PlinthConfig config, String prefix, boolean tls) {
    String key = prefix + "." + TRUSTSTORE;
    String path = config.get(key).map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
    if (path == null) {
      return null;
    }
    if (!tls) {
      throw new ConfigurationException(
          key,
          "'"
              + key
              + "' is set but TLS is off, so it would not be used and the connection would not be"
              + " encrypted. Turn TLS on ("
              + prefix
              + ".tls=true, or a rediss:// URL) or remove '"
              + key
              + "'.");
    }
    String password = config.get(prefix + "." + TRUSTSTORE_PASSWORD).orElse(null);
    return new RedisTrust(path, TrustStoreLoader.load(key, path, password));
  }

  @Override
  public String toString() {
    return "RedisTrust{" + source + '}';
  }
}
