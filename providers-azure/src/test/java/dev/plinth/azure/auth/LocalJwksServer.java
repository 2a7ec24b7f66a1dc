package dev.plinth.azure.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An Entra-shaped issuer on a real HTTP port whose key set the test controls: it serves the
 * tenant's discovery document (pointing at a shared {@code /common/discovery/v2.0/keys}, like
 * Entra) and the JWKS, counts key-set requests, can hold a key-set response until released (to make
 * concurrent callers overlap) and can be stopped to simulate an outage. Tokens are signed locally
 * with the published private keys.
 */
final class LocalJwksServer implements AutoCloseable {
  private static final String KEYS_PATH = "/common/discovery/v2.0/keys";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final String tenant = UUID.randomUUID().toString();
  private final AtomicInteger jwksRequests = new AtomicInteger();
  private volatile List<RSAKey> published = List.of();
  private volatile CountDownLatch jwksGate = new CountDownLatch(0);
  private volatile boolean failing;

  LocalJwksServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String authority() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String tenant() {
    return tenant;
  }

  /** Publishes exactly these keys (public parts) from now on. */
  void publish(RSAKey... keys) {
    published = List.of(keys);
  }

  /** Answers every request with HTTP 503 while true, as an issuer in trouble would. */
  void failing(boolean failing) {
    this.failing = failing;
  }

  int jwksRequests() {
    return jwksRequests.get();
  }

  /** Holds key-set responses until {@link #releaseKeySet()}. */
  void holdKeySet() {
    jwksGate = new CountDownLatch(1);
  }

  void releaseKeySet() {
    jwksGate.countDown();
  }

  static RSAKey newKey() {
    try {
      return new RSAKeyGenerator(2048).keyID("kid-" + UUID.randomUUID()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A valid v2 user token of this tenant for the test client, signed with {@code key}. */
  String token(RSAKey key) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(authority() + "/" + tenant + "/v2.0")
            .audience(EntraTestSettings.CLIENT_ID)
            .subject("pairwise-sub")
            .claim("oid", UUID.randomUUID().toString())
            .claim("tid", tenant)
            .claim("scp", "files.read")
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofHours(2))))
            .build();
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (failing) {
      respond(exchange, 503, "{}");
    } else if (path.equals("/" + tenant + "/v2.0/.well-known/openid-configuration")) {
      respond(
          exchange,
          200,
          "{\"issuer\":\""
              + authority()
              + "/"
              + tenant
              + "/v2.0\",\"jwks_uri\":\""
              + authority()
              + KEYS_PATH
              + "\"}");
    } else if (path.equals(KEYS_PATH)) {
      jwksRequests.incrementAndGet();
      awaitGate();
      List<JWK> keys = new ArrayList<>();
      published.forEach(k -> keys.add(k.toPublicJWK()));
      respond(exchange, 200, new JWKSet(keys).toString());
    } else {
      respond(exchange, 404, "{}");
    }
  }

  private void awaitGate() {
    try {
      jwksGate.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Stops answering: later connections are refused, as during an issuer outage. */
  void stop() {
    releaseKeySet();
    server.stop(0);
    executor.shutdownNow();
  }

  @Override
  public void close() {
    stop();
  }
}
