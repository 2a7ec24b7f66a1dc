package dev.plinth.azure.telemetry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * A local stand-in for the Application Insights ingestion endpoint: accepts the exporter's gzip'd
 * JSON-lines posts to {@code /v2.1/track}, keeps every envelope in arrival order and answers like
 * the service does. Any other path is recorded too, so tests can prove nothing else was called.
 */
public final class IngestionServer implements AutoCloseable {
  static final String TRACK_PATH = "/v2.1/track";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final List<Envelope> envelopes = new CopyOnWriteArrayList<>();
  private final List<String> paths = new CopyOnWriteArrayList<>();

  private IngestionServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts the server on a free loopback port.
   *
   * @return the running server
   * @throws IOException if the port cannot be bound
   */
  public static IngestionServer start() throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    IngestionServer ingestion = new IngestionServer(http);
    http.createContext("/", ingestion::handle);
    http.setExecutor(ingestion.executor);
    http.start();
    return ingestion;
  }

  /**
   * A connection string whose ingestion and live endpoints both point at this server.
   *
   * @param instrumentationKey the key to put in the connection string
   * @return the connection string
   */
  public String connectionString(String instrumentationKey) {
    String endpoint = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    return "InstrumentationKey="
        + instrumentationKey
        + ";IngestionEndpoint="
        + endpoint
        + ";LiveEndpoint="
        + endpoint;
  }

  /**
   * Returns every envelope received so far.
   *
   * @return the envelopes in arrival order
   */
  public List<Envelope> envelopes() {
    return List.copyOf(envelopes);
  }

  List<Envelope> envelopes(Predicate<Envelope> match) {
    return envelopes.stream().filter(match).toList();
  }

  List<String> paths() {
    return List.copyOf(paths);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      paths.add(exchange.getRequestURI().getPath());
      byte[] body = exchange.getRequestBody().readAllBytes();
      int count = 0;
      if (exchange.getRequestURI().getPath().equals(TRACK_PATH)) {
        boolean gzip =
            "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        String text = new String(decode(body, gzip), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
          if (!line.isBlank()) {
            envelopes.add(Envelope.parse(line));
            count++;
          }
        }
      }
      byte[] response =
          ("{\"itemsReceived\":" + count + ",\"itemsAccepted\":" + count + ",\"errors\":[]}")
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, response.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response);
      }
    }
  }

  private static byte[] decode(byte[] body, boolean gzip) throws IOException {
    if (!gzip) {
      return body;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
