package dev.plinth.redis;

import dev.plinth.error.ConfigurationException;
import dev.plinth.error.PlinthException;
import dev.plinth.error.ProviderUnavailableException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.NoSuchElementException;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Maps Jedis exceptions to Plinth's error hierarchy. Messages name the server's {@code host:port}
 * and the configuration key to check; they never contain the password.
 *
 * <ul>
 *   <li>unreachable server, broken connection, timeout, exhausted pool: {@link
 *       ProviderUnavailableException} (retryable);
 *   <li>a TLS certificate that is untrusted or issued for another host, or a server without TLS:
 *       {@link ConfigurationException} (see {@link RedisTlsErrors});
 *   <li>rejected credentials ({@code WRONGPASS}, {@code NOAUTH}): {@link ConfigurationException}
 *       naming the provider's credential key, because retrying with the same settings cannot
 *       succeed;
 *   <li>any other Redis error: {@link PlinthException}.
 * </ul>
 */
final class RedisErrors {
  private final RedisSettings settings;

  RedisErrors(RedisSettings settings) {
    this.settings = settings;
  }

  /**
   * Translates an exception thrown by Jedis.
   *
   * @param operation the cache operation, e.g. {@code get}
   * @param e the Jedis exception
   * @return the exception to throw
   */
  PlinthException translate(String operation, JedisException e) {
    ConfigurationException tls = RedisTlsErrors.translate(settings, operation, e);
    if (tls != null) {
      return tls;
    }
    Throwable auth = authCause(e);
    if (auth != null) {
      String reply = firstLine(auth.getMessage());
      String what =
          reply.toUpperCase(Locale.ROOT).startsWith("NOAUTH")
              ? " requires a password but none was sent"
              : " rejected the credentials";
      return new ConfigurationException(
          settings.keys().credentialKey(),
          "Redis at "
              + settings.address()
              + what
              + " during "
              + operation
              + " ("
              + reply
              + "). Check "
              + settings.keys().credentials()
              + ".",
          e);
    }
    if (isUnavailable(e)) {
      return new ProviderUnavailableException(
          "Redis at "
              + settings.address()
              + " is unreachable during "
              + operation
              + ": "
              + firstLine(rootMessage(e))
              + ". Check that the Redis server is running and that its address ("
              + settings.keys().address()
              + ") is right."
              + RedisTlsErrors.timeoutHint(settings, e),
          e);
    }
    return new PlinthException(
        "Redis at "
            + settings.address()
            + " failed during "
            + operation
            + ": "
            + firstLine(e.getMessage()),
        e);
  }

  private static Throwable authCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JedisAccessControlException) {
        return t;
      }
      if (t instanceof JedisDataException && t.getMessage() != null) {
        String m = t.getMessage().toUpperCase(Locale.ROOT);
        if (m.startsWith("NOAUTH") || m.startsWith("WRONGPASS") || m.contains("INVALID PASSWORD")) {
          return t;
        }
      }
    }
    return null;
  }

  private static boolean isUnavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JedisConnectionException
          || t instanceof NoSuchElementException
          || t instanceof SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return e == t || e.getMessage() == null ? message : e.getMessage() + " (" + message + ")";
  }

  // Shared with RedisTlsErrors: Jedis and JSSE messages can span lines; messages want the first.
  static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    int newline = message.indexOf('\n');
    String line = (newline < 0 ? message : message.substring(0, newline)).strip();
    // The caller appends its own punctuation.
    return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
  }
}
