package dev.plinth.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/** A redis-server child process from the embedded-redis artifact, on a free local port. */
final class RedisProcess implements AutoCloseable {
  private final RedisServer server;
  private final int port;

  private RedisProcess(RedisServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts a server without persistence (both clients see the same in-memory backend).
   *
   * @return the running server
   */
  static RedisProcess start() {
    int port = freePort();
    try {
      RedisServer server =
          RedisServer.newRedisServer()
              .port(port)
              .bind("127.0.0.1")
              .setting("save \"\"")
              .setting("appendonly no")
              .build();
      server.start();
      return new RedisProcess(server, port);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded redis on port " + port, e);
    }
  }

  /**
   * Returns the port.
   *
   * @return the TCP port on 127.0.0.1
   */
  int port() {
    return port;
  }

  /**
   * Returns the URL the redis provider is configured with.
   *
   * @return e.g. {@code redis://127.0.0.1:6379}
   */
  String url() {
    return "redis://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
