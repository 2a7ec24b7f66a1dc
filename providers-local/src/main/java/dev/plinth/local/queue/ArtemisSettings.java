package dev.plinth.local.queue;

import dev.plinth.config.PlinthConfig;
import dev.plinth.error.ConfigurationException;
import dev.plinth.spi.ProviderContext;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code plinth.queue.artemis.*} settings, validated at startup.
 *
 * @param embedded true to run a broker inside this JVM, false to connect to {@link #url}
 * @param dataDir the embedded broker's journal directory
 * @param embeddedHost the host the embedded broker's TCP acceptor binds to
 * @param embeddedPort the embedded broker's TCP port, or 0 for in-VM connections only
 * @param url the remote broker URL, or null in embedded mode
 * @param user the remote user, or null
 * @param password the remote password, or null; never printed
 * @param closeTimeout how long closing a subscription waits for listeners in progress
 * @param connectionTtl remote mode: how long the broker keeps a silent client's sessions (and the
 *     messages they hold) before it gives them back to the queue; null in embedded mode
 */
record ArtemisSettings(
    boolean embedded,
    Path dataDir,
    String embeddedHost,
    int embeddedPort,
    String url,
    String user,
    String password,
    Duration closeTimeout,
    Duration connectionTtl) {

  static final String MODE = "artemis.mode";
  static final String DATA_DIR = "artemis.data-dir";
  static final String EMBEDDED_HOST = "artemis.embedded-host";
  static final String EMBEDDED_PORT = "artemis.embedded-port";
  static final String URL = "artemis.url";
  static final String USER = "artemis.user";
  static final String PASSWORD = "artemis.password";
  static final String CLOSE_TIMEOUT = "artemis.close-timeout";
  static final String CONNECTION_TTL = "artemis.connection-ttl";

  /**
   * Artemis' own default is 60 s: a consumer that dies mid-message (kill -9, power loss) would hold
   * that message invisible for a minute. The client pings every third of this, so a live but idle
   * client is never mistaken for a dead one.
   */
  static final Duration DEFAULT_CONNECTION_TTL = Duration.ofSeconds(15);

  private static final Duration MIN_CONNECTION_TTL = Duration.ofSeconds(3);

  /**
   * Reads and validates the settings.
   *
   * @param context the provider context
   * @return the settings
   * @throws ConfigurationException naming the key of a missing or bad value
   */
  static ArtemisSettings from(ProviderContext context) {
    PlinthConfig config = context.config();
    Duration closeTimeout = config.getDuration(context.key(CLOSE_TIMEOUT), Duration.ofSeconds(30));
    String mode = value(context, MODE).orElse("embedded").toLowerCase(Locale.ROOT);
    switch (mode) {
      case "embedded" -> {
        Path dataDir = dataDir(context);
        String host = value(context, EMBEDDED_HOST).orElse("127.0.0.1");
        int port = port(context);
        return new ArtemisSettings(true, dataDir, host, port, null, null, null, closeTimeout, null);
      }
      case "remote" -> {
        String url = config.require(context.key(URL), "tcp://localhost:61616");
        String user = value(context, USER).orElse(null);
        String password = value(context, PASSWORD).orElse(null);
        if (password != null && user == null) {
          throw new ConfigurationException(
              context.key(USER),
              "'" + context.key(PASSWORD) + "' is set but '" + context.key(USER) + "' is not.");
        }
        return new ArtemisSettings(
            false, null, null, 0, url, user, password, closeTimeout, connectionTtl(context));
      }
      default ->
          throw PlinthConfig.invalid(context.key(MODE), mode, "embedded or remote, e.g. embedded");
    }
  }

  /**
   * Describes where the broker is, without secrets.
   *
   * @return e.g. {@code embedded (./data/artemis)} or {@code remote tcp://host:61616}
   */
  String endpoint() {
    if (embedded) {
      return "embedded (" + dataDir + (embeddedPort > 0 ? ", tcp port " + embeddedPort : "") + ")";
    }
    return "remote " + url.replaceAll("(?i)(password=)[^&]*", "$1<hidden>");
  }

  @Override
  public String toString() {
    return "ArtemisSettings{" + endpoint() + (user == null ? "" : ", user=" + user) + '}';
  }

  private static Path dataDir(ProviderContext context) {
    String raw = value(context, DATA_DIR).orElse("./data/artemis");
    try {
      return Path.of(raw).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw PlinthConfig.invalid(
          context.key(DATA_DIR), raw, "a directory path, e.g. ./data/artemis");
    }
  }

  private static Duration connectionTtl(ProviderContext context) {
    Duration ttl =
        context.config().getDuration(context.key(CONNECTION_TTL), DEFAULT_CONNECTION_TTL);
    if (ttl.compareTo(MIN_CONNECTION_TTL) < 0) {
      throw PlinthConfig.invalid(
          context.key(CONNECTION_TTL),
          ttl.toString(),
          "at least 3s (the client pings every third of it), e.g. 15s");
    }
    return ttl;
  }

  private static int port(ProviderContext context) {
    Optional<String> raw = value(context, EMBEDDED_PORT);
    if (raw.isEmpty()) {
      return 0;
    }
    try {
      int port = Integer.parseInt(raw.get());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw PlinthConfig.invalid(
        context.key(EMBEDDED_PORT), raw.get(), "a TCP port from 1 to 65535, e.g. 61616");
  }

  private static Optional<String> value(ProviderContext context, String name) {
    return context.get(name).map(String::trim).filter(v -> !v.isEmpty());
  }
}
