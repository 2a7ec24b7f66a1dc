package dev.plinth.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

/**
 * A redis-server process from the embedded-redis artifact on 127.0.0.1, without persistence and
 * without TLS (tests of TLS-only providers connect with their {@code tls=false} setting). {@link
 * #start(String...)} returns once the server accepts connections; embedded-redis also stops it when
 * the JVM exits. Protect it with extra redis.conf lines, e.g. {@code requirepass secret} or an ACL
 * user {@code user alice on >password ~* +@all}.
 */
public final class EmbeddedRedis implements AutoCloseable {
  /** Environment variable naming an external Redis, e.g. {@code redis://localhost:6379/15}. */
  public static final String EXTERNAL_URL_ENV = "PLINTH_TEST_REDIS_URL";

  private final RedisServer server;
  private final int port;

  private EmbeddedRedis(RedisServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts a server on a free port.
   *
   * @param settings extra redis.conf lines, e.g. {@code requirepass secret}
   * @return the running server
   */
  public static EmbeddedRedis start(String... settings) {
    return start(FreePorts.find(), settings);
  }

  /**
   * Starts a server on a given port (one the build reserved).
   *
   * @param port the port on 127.0.0.1
   * @param settings extra redis.conf lines, e.g. {@code requirepass secret}
   * @return the running server
   */
  public static EmbeddedRedis start(int port, String... settings) {
    try {
      RedisServerBuilder builder =
          RedisServer.newRedisServer()
              .port(port)
              .bind("127.0.0.1")
              .setting("save \"\"")
              .setting("appendonly no");
      for (String setting : settings) {
        builder.setting(setting);
      }
      RedisServer server = builder.build();
      server.start();
      return new EmbeddedRedis(server, port);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded redis on port " + port, e);
    }
  }

  /**
   * Returns the external Redis the environment names instead of an embedded one, if any.
   *
   * @return the trimmed value of {@value #EXTERNAL_URL_ENV}, empty when unset or blank
   */
  public static Optional<String> externalUrl() {
    return Optional.ofNullable(System.getenv(EXTERNAL_URL_ENV))
        .filter(url -> !url.isBlank())
        .map(String::trim);
  }

  /**
   * Stops a server an earlier, forgotten handle started on {@code port} (e.g. by another build
   * step), with {@code SHUTDOWN NOSAVE}. Nothing happens when nothing listens there any more. The
   * server must have no password.
   *
   * @param port the port on 127.0.0.1
   */
  public static void shutdown(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write("SHUTDOWN NOSAVE\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      socket.getInputStream().read(); // the server closes the connection when it exits
    } catch (IOException alreadyGone) {
      // nothing listens on the port any more: already stopped
    }
  }

  /**
   * Returns the port the server listens on.
   *
   * @return the port on 127.0.0.1
   */
  public int port() {
    return port;
  }

  /**
   * Returns the server's URL, without credentials.
   *
   * @return e.g. {@code redis://127.0.0.1:6379}
   */
  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Stops the server, for outage tests; {@link #restart()} starts it again on the same port. */
  public void stop() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the stopped server again, on the same port and with the same settings (but empty). */
  public void restart() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not restart embedded redis on port " + port, e);
    }
  }

  /** Stops the server if it runs. */
  @Override
  public void close() {
    if (server.isActive()) {
      stop();
    }
  }
}
