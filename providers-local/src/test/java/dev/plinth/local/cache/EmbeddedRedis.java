package dev.plinth.local.cache;

import dev.plinth.redis.RedisSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

/** A redis-server process from the embedded-redis artifact, on a free local port. */
final class EmbeddedRedis implements AutoCloseable {
  private final RedisServer server;
  private final int port;

  private EmbeddedRedis(RedisServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts a server.
   *
   * @param settings extra redis.conf lines, e.g. {@code requirepass secret}
   * @return the running server
   */
  static EmbeddedRedis start(String... settings) {
    int port = freePort();
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

  int port() {
    return port;
  }

  RedisSettings settings() {
    return RedisSettings.of("127.0.0.1", port);
  }

  void stop() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void restart() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (server.isActive()) {
      stop();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
