package dev.plinth.server.itazure;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * One local HTTP server for the azure IT: the Application Insights ingestion endpoint the server's
 * exporter posts to, and the control routes the ITs (another JVM) call.
 *
 * <ul>
 *   <li>{@code POST /v2.1/track}: keeps every envelope (gzip'd JSON lines), answers like the
 *       service;
 *   <li>{@code GET /control/envelopes}: every envelope received so far, one JSON object per line;
 *   <li>{@code GET /control/token?tid&aud&sub&roles&scp}: an Entra v2 access token signed by the
 *       issuer's key for tenant {@code tid} ({@code roles} comma-separated, {@code scp}
 *       space-separated).
 * </ul>
 */
final class PeerControlServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final List<String> envelopes = new CopyOnWriteArrayList<>();
  private final MockOAuth2Server issuer;
  private final String authority;

  private PeerControlServer(HttpServer server, MockOAuth2Server issuer, String authority) {
    this.server = server;
    this.issuer = issuer;
    this.authority = authority;
  }

  /**
   * Starts the server on a loopback port.
   *
   * @param port the port
   * @param issuer the running OIDC issuer that signs the tokens
   * @param authority the authority the server under test is configured with
   * @return the running server
   * @throws IOException if the port cannot be bound
   */
  static PeerControlServer start(int port, MockOAuth2Server issuer, String authority)
      throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
    PeerControlServer control = new PeerControlServer(http, issuer, authority);
    http.createContext("/v2.1/track", control::track);
    http.createContext("/control/envelopes", control::listEnvelopes);
    http.createContext("/control/token", control::token);
    http.createContext("/", exchange -> respond(exchange, 404, "text/plain", "not a peer route"));
    http.setExecutor(control.executor);
    http.start();
    return control;
  }

  private void track(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    boolean gzip =
        "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
    int count = 0;
    for (String line : new String(gzip ? gunzip(body) : body, StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        envelopes.add(line.trim());
        count++;
      }
    }
    respond(
        exchange,
        200,
        "application/json",
        "{\"itemsReceived\":" + count + ",\"itemsAccepted\":" + count + ",\"errors\":[]}");
  }

  private void listEnvelopes(HttpExchange exchange) throws IOException {
    respond(exchange, 200, "application/x-ndjson", String.join("\n", envelopes));
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    String tenant = query.get("tid");
    String subject = query.getOrDefault("sub", UUID.randomUUID().toString());
    Map<String, Object> claims = new HashMap<>();
    claims.put("iss", authority + "/" + tenant + "/v2.0");
    claims.put("oid", subject);
    claims.put("tid", tenant);
    claims.put("ver", "2.0");
    claims.put("azp", UUID.randomUUID().toString());
    if (query.containsKey("roles")) {
      claims.put("roles", Arrays.asList(query.get("roles").split(",")));
    }
    if (query.containsKey("scp")) {
      claims.put("scp", query.get("scp"));
    }
    String token =
        issuer.issueToken(tenant + "/v2.0", subject, query.get("aud"), claims, 3600).serialize();
    respond(exchange, 200, "text/plain", token);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new HashMap<>();
    if (raw == null) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  private static byte[] gunzip(byte[] body) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }

  private static void respond(HttpExchange exchange, int status, String type, String text)
      throws IOException {
    try (exchange) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", type);
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
