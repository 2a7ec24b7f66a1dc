package dev.plinth.server.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for the server started by the build (port in system property http.port). */
final class ServerClient {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final String BASE = "http://localhost:" + System.getProperty("http.port", "9080");

  private ServerClient() {}

  /** Starts a request to a path of the server, e.g. {@code /api/v1/auth/me}. */
  static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30));
  }

  /** Starts a request carrying a bearer token (none when the token is null). */
  static HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder = request(path);
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  /** Sends a request and returns the response with its body as text. */
  static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GET a path. */
  static HttpResponse<String> get(String path, String token) {
    return send(request(path, token).GET());
  }

  /** POST a JSON body. */
  static HttpResponse<String> postJson(String path, String token, String json) {
    HttpRequest.Builder builder = request(path, token);
    return send(
        builder
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** PUT a JSON body with an optional If-Match header. */
  static HttpResponse<String> putJson(String path, String token, String ifMatch, String json) {
    HttpRequest.Builder builder = request(path, token).header("Content-Type", "application/json");
    if (ifMatch != null) {
      builder.header("If-Match", ifMatch);
    }
    return send(builder.PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** DELETE a path. */
  static HttpResponse<String> delete(String path, String token) {
    return send(request(path, token).DELETE());
  }

  /** Parses a JSON object body. */
  static JsonObject json(HttpResponse<String> response) {
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    }
  }
}
