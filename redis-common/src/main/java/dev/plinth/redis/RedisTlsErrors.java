package dev.plinth.redis;

import dev.plinth.error.ConfigurationException;
import java.net.SocketTimeoutException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;

/**
 * Recognises TLS handshake failures that retrying cannot fix and explains them as configuration
 * problems: an untrusted server certificate (names {@code <prefix>.truststore}), a certificate
 * issued for another host name, or a plain reply to the TLS hello (names {@code <prefix>.tls}).
 * Anything else (a reset connection, a timeout) stays a connection failure; {@link #timeoutHint}
 * explains how a server without TLS can also look like an outage.
 */
final class RedisTlsErrors {

  private RedisTlsErrors() {}

  /**
   * Explains a TLS handshake failure.
   *
   * @param settings the connection settings
   * @param operation the cache operation, e.g. {@code get}
   * @param e the exception thrown by Jedis
   * @return the configuration exception, or null if {@code e} is not such a failure
   */
  static ConfigurationException translate(RedisSettings settings, String operation, Throwable e) {
    if (!settings.tls()) {
      return null;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateException && isHostMismatch(t.getMessage())) {
        return hostMismatch(settings, operation, t, e);
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertPathBuilderException
          || t instanceof CertPathValidatorException
          || t instanceof CertificateException) {
        return untrusted(settings, operation, t, e);
      }
      if (t instanceof SSLException && isPlainReply(t.getMessage())) {
        return plainServer(settings, operation, t, e);
      }
    }
    return null;
  }

  private static ConfigurationException untrusted(
      RedisSettings settings, String operation, Throwable detail, Throwable cause) {
    String key = settings.configPrefix() + "." + RedisTrust.TRUSTSTORE;
    RedisTrust trust = settings.trust();
    String fix =
        trust == null
            ? " No truststore is set, so only the JVM's default CAs are trusted: set '"
                + key
                + "' to a PEM file with the CA certificate that issued the server's certificate"
                + " (or the server's own certificate if it is self-signed), or to a PKCS12/JKS"
                + " truststore with its password in '"
                + key
                + "-password'."
            : " The truststore '"
                + trust.source()
                + "' in '"
                + key
                + "' does not hold the CA that issued it: add that CA certificate (or the"
                + " server's own certificate if it is self-signed) to the truststore.";
    return new ConfigurationException(
        key,
        "Redis at "
            + settings.address()
            + " presented a TLS certificate that is not trusted during "
            + operation
            + " ("
            + RedisErrors.firstLine(deepestMessage(detail))
            + ")."
            + fix,
        cause);
  }

  private static ConfigurationException hostMismatch(
      RedisSettings settings, String operation, Throwable detail, Throwable cause) {
    String host = settings.host();
    // Not tied to one key: the host comes from plinth.cache.redis.url or <prefix>.host.
    return new ConfigurationException(
        null,
        "Redis at "
            + settings.address()
            + " presented a TLS certificate that is not issued for the host name '"
            + host
            + "' during "
            + operation
            + " ("
            + RedisErrors.firstLine(detail.getMessage())
            + "). Connect by a host name the certificate lists (the host in the "
            + settings.configPrefix()
            + " settings), or reissue the certificate with '"
            + host
            + "' in its subject alternative names; host name verification cannot be turned off.",
        cause);
  }

  private static ConfigurationException plainServer(
      RedisSettings settings, String operation, Throwable detail, Throwable cause) {
    String key = settings.configPrefix() + ".tls";
    return new ConfigurationException(
        key,
        "Redis at "
            + settings.address()
            + " answered the TLS handshake without TLS during "
            + operation
            + " ("
            + RedisErrors.firstLine(detail.getMessage())
            + "): the server has no TLS on this port. Connect to its TLS port, or turn TLS off ('"
            + key
            + "=false', or a redis:// URL) if it has none.",
        cause);
  }

  /**
   * Returns a hint for a timed-out TLS connection: a plain Redis reads the TLS hello as a partial
   * inline command and, unless the hello's random bytes happen to hold a newline, waits for the
   * rest instead of answering, which looks exactly like a hung server.
   *
   * @param settings the connection settings
   * @param e the exception thrown by Jedis
   * @return the hint (starting with a space), or an empty string
   */
  static String timeoutHint(RedisSettings settings, Throwable e) {
    if (!settings.tls()) {
      return "";
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return " If the server has no TLS on this port, the TLS handshake also ends in this timeout:"
            + " check "
            + settings.configPrefix()
            + ".tls.";
      }
    }
    return "";
  }

  // The JDK's HostnameChecker messages, e.g. "No subject alternative names matching IP address
  // 127.0.0.1 found" or "No name matching example.com found".
  private static boolean isHostMismatch(String message) {
    return message != null
        && (message.startsWith("No subject alternative") || message.startsWith("No name matching"));
  }

  // JSSE's message when the first reply is not a TLS record (e.g. Redis' "-ERR ..." to the hello).
  private static boolean isPlainReply(String message) {
    return message != null && message.contains("Unsupported or unrecognized SSL message");
  }

  private static String deepestMessage(Throwable t) {
    String message = t.getMessage();
    for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
      if (c.getMessage() != null) {
        message = c.getMessage();
      }
    }
    return message;
  }
}
