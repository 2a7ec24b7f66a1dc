package dev.plinth.azure.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

/**
 * A redis-server process from the embedded-redis artifact on a free local port, standing in for
 * Azure Redis. It has no TLS, so tests connect with {@code plinth.cache.azure-redis.tls=false}; the
 * TLS wiring is unit-tested on the client configuration instead.
 */
public final class EmbeddedRedis implements AutoCloseable {
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
  public static EmbeddedRedis start(String... settings) {
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

  /**
   * Returns the port the server listens on.
   *
   * @return the port on 127.0.0.1
   */
  public int port() {
    return port;
  }

  /** Stops the server. */
  @Override
  public void close() {
    try {
      if (server.isActive()) {
        server.stop();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
