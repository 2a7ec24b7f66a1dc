package dev.plinth.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A TLS-terminating TCP proxy on a free loopback port: it completes the TLS handshake with the
 * client (presenting the given server certificate) and forwards the decrypted bytes both ways to a
 * plain server, e.g. an embedded Redis that has no TLS of its own. Daemon threads only; {@link
 * #close()} closes the listener and every open connection.
 */
public final class TlsProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final String targetHost;
  private final int targetPort;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger handshakes = new AtomicInteger();

  private TlsProxy(ServerSocket listener, String targetHost, int targetPort) {
    this.listener = listener;
    this.targetHost = targetHost;
    this.targetPort = targetPort;
  }

  /**
   * Starts a proxy.
   *
   * @param server the TLS context whose certificate the proxy presents
   * @param targetHost the plain server's host, e.g. {@code 127.0.0.1}
   * @param targetPort the plain server's port
   * @return the running proxy
   */
  public static TlsProxy start(SSLContext server, String targetHost, int targetPort) {
    try {
      ServerSocket listener =
          server
              .getServerSocketFactory()
              .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
      TlsProxy proxy = new TlsProxy(listener, targetHost, targetPort);
      daemon("tls-proxy-accept", proxy::acceptLoop).start();
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the TLS proxy's port", e);
    }
  }

  /**
   * Returns the port clients connect to with TLS.
   *
   * @return the port on the loopback address
   */
  public int port() {
    return listener.getLocalPort();
  }

  /**
   * Returns how many TLS handshakes completed, so a test can prove its traffic used TLS.
   *
   * @return the count
   */
  public int handshakes() {
    return handshakes.get();
  }

  /** Stops accepting and closes every open connection. */
  @Override
  public void close() {
    closeQuietly(listener);
    open.forEach(this::release);
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        open.add(client);
        daemon("tls-proxy-connection", () -> serve((SSLSocket) client)).start();
      } catch (IOException e) {
        return; // the listener was closed
      }
    }
  }

  private void serve(SSLSocket client) {
    Socket upstream = null;
    try {
      // A client that rejects the certificate ends here with an SSLException.
      client.startHandshake();
      handshakes.incrementAndGet();
      upstream = new Socket(targetHost, targetPort);
      open.add(upstream);
      Socket target = upstream;
      daemon("tls-proxy-reply", () -> pump(target, client)).start();
      pump(client, target);
    } catch (IOException e) {
      // handshake refused or upstream unreachable: drop the connection like a dead server would
    } finally {
      release(client);
      release(upstream);
    }
  }

  // Copies until either side closes, then closes both, so the other direction ends too.
  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // a side closed: fall through and close both
    } finally {
      release(from);
      release(to);
    }
  }

  private void release(Socket socket) {
    if (socket != null) {
      open.remove(socket);
      closeQuietly(socket);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // already closed
    }
  }

  private static Thread daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }
}
