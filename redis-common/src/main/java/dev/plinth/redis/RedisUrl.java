package dev.plinth.redis;

import dev.plinth.error.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A parsed Redis URL: {@code redis://[user:password@]host[:port][/db]}, or {@code rediss://} for
 * TLS. The password is kept out of {@link #toString()}.
 *
 * @param host the host name or address
 * @param port the TCP port (6379 when the URL has none)
 * @param tls true for {@code rediss://}
 * @param user the ACL user, or null
 * @param password the password, or null
 * @param database the database index (0 when the URL has no path)
 */
public record RedisUrl(
    String host, int port, boolean tls, String user, String password, int database) {

  /** The port used when the URL has none. */
  public static final int DEFAULT_PORT = 6379;

  private static final String EXAMPLE = "redis://localhost:6379/0 or rediss://user:pw@host:6380";

  /**
   * Parses a Redis URL.
   *
   * @param key the configuration key the URL came from, for error messages
   * @param text the URL
   * @return the parsed URL
   * @throws ConfigurationException naming the key if the URL is malformed; the password is never
   *     echoed
   */
  public static RedisUrl parse(String key, String text) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw invalid(key, text, "it is not a valid URI");
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equals("redis") || scheme.equals("rediss"))) {
      throw invalid(key, text, "the scheme must be redis:// or rediss://");
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      throw invalid(key, text, "it has no host");
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
    return new RedisUrl(
        host,
        port,
        scheme.equals("rediss"),
        userOf(uri.getRawUserInfo()),
        passwordOf(uri.getRawUserInfo()),
        databaseOf(key, text, uri.getPath()));
  }

  private static String userOf(String rawUserInfo) {
    if (rawUserInfo == null) {
      return null;
    }
    int colon = rawUserInfo.indexOf(':');
    String user = colon < 0 ? "" : rawUserInfo.substring(0, colon);
    return user.isEmpty() ? null : decode(user);
  }

  // "redis://:pw@host" carries only a password; "redis://pw@host" is read as a password too,
  // because that is what redis-cli and most clients do with a single user-info component.
  private static String passwordOf(String rawUserInfo) {
    if (rawUserInfo == null) {
      return null;
    }
    int colon = rawUserInfo.indexOf(':');
    String password = colon < 0 ? rawUserInfo : rawUserInfo.substring(colon + 1);
    return password.isEmpty() ? null : decode(password);
  }

  private static int databaseOf(String key, String text, String path) {
    if (path == null || path.isEmpty() || path.equals("/")) {
      return 0;
    }
    try {
      int db = Integer.parseInt(path.substring(1));
      if (db < 0) {
        throw invalid(key, text, "the database index must be 0 or more");
      }
      return db;
    } catch (NumberFormatException e) {
      throw invalid(key, text, "the path must be a database index such as /0");
    }
  }

  private static String decode(String part) {
    return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static ConfigurationException invalid(String key, String text, String why) {
    return new ConfigurationException(
        key,
        "Invalid Redis URL '"
            + redact(text)
            + "' in '"
            + key
            + "': "
            + why
            + ". Example: "
            + EXAMPLE
            + ".");
  }

  /**
   * Replaces the password in a URL-like text with {@code ***}, for messages.
   *
   * @param text a URL, possibly malformed
   * @return the text without the password
   */
  public static String redact(String text) {
    int at = text.lastIndexOf('@');
    int schemeEnd = text.indexOf("://");
    if (at < 0) {
      return text;
    }
    int start = schemeEnd < 0 ? 0 : schemeEnd + 3;
    int colon = text.indexOf(':', start);
    if (colon >= 0 && colon < at) {
      return text.substring(0, colon + 1) + "***" + text.substring(at);
    }
    // A single user-info component is treated as a password (see passwordOf), so hide it.
    return text.substring(0, start) + "***" + text.substring(at);
  }

  /**
   * Returns {@code host:port}, for messages.
   *
   * @return the address
   */
  public String address() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    return (tls ? "rediss://" : "redis://")
        + (user == null ? "" : user)
        + (password == null ? "" : ":***")
        + (user == null && password == null ? "" : "@")
        + address()
        + "/"
        + database;
  }
}
