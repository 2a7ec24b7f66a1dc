package dev.plinth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Local TCP ports nothing listens on, for the backends the tests start. */
public final class FreePorts {
  private FreePorts() {}

  /**
   * Returns a port that was free a moment ago (the operating system's pick of an ephemeral port).
   *
   * @return a port on 127.0.0.1
   */
  public static int find() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("could not find a free local port", e);
    }
  }
}
