package dev.plinth.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference server's HTTP API as the load driver uses it (JDK {@link HttpClient}, HTTP/1.1).
 */
final class PlinthClient {
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final URI base;
  private String token = "";

  /**
   * Creates a client.
   *
   * @param base the server, e.g. {@code http://localhost:9380}
   * @param executor runs the client's handlers
   */
  PlinthClient(URI base, ExecutorService executor) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(executor)
            .build();
  }

  /**
   * Obtains an admin token from the dev issuer and uses it for every later call.
   *
   * @throws IOException when the server refuses
   * @throws InterruptedException when interrupted
   */
  void login() throws IOException, InterruptedException {
    String body = "{\"username\":\"load-driver\",\"roles\":[\"admin\"],\"ttl_seconds\":86400}";
    token = extract(TOKEN, expect(send(post("/api/v1/auth/token", body)), 200));
  }

  /**
   * Creates an active workflow of one log step and one transform step.
   *
   * @return its id
   */
  String createWorkflow() throws IOException, InterruptedException {
    String body =
        "{\"name\":\"load\",\"status\":\"active\",\"definition\":{\"schemaVersion\":1,\"steps\":["
            + "{\"name\":\"greet\",\"type\":\"log\",\"message\":\"hi ${params.n}\"},"
            + "{\"name\":\"shape\",\"type\":\"transform\",\"output\":{\"n\":\"${params.n}\"}}]}}";
    return extract(ID, expect(send(post("/api/v1/workflows", body)), 201));
  }

  /**
   * Starts an execution without waiting.
   *
   * @param workflowId the workflow
   * @param n a parameter, to tell the executions apart
   * @return the response (202 with the execution's JSON when accepted)
   */
  CompletableFuture<HttpResponse<String>> startExecution(String workflowId, long n) {
    return http.sendAsync(
        post("/api/v1/workflows/" + workflowId + "/executions", "{\"params\":{\"n\":" + n + "}}"),
        BodyHandlers.ofString());
  }

  /**
   * Reads an execution.
   *
   * @param id the execution
   * @return the response
   */
  HttpResponse<String> getExecution(String id) throws IOException, InterruptedException {
    return send(get("/api/v1/executions/" + id).build());
  }

  /**
   * Uploads a raw body of a known length, streamed from {@code body}.
   *
   * @return the new file's id
   */
  String upload(String project, java.util.function.Supplier<InputStream> body, long length)
      throws IOException, InterruptedException {
    HttpRequest request =
        authorized("/api/v1/projects/" + project + "/files?name=load.bin")
            .timeout(Duration.ofHours(1))
            .header("Content-Type", "application/octet-stream")
            .POST(BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(body), length))
            .build();
    return extract(ID, expect(send(request), 201));
  }

  /**
   * Downloads a file as a stream (the caller reads and closes it).
   *
   * @return the response with its body stream
   */
  HttpResponse<InputStream> download(String project, String fileId)
      throws IOException, InterruptedException {
    HttpRequest request =
        get("/api/v1/projects/" + project + "/files/" + fileId)
            .timeout(Duration.ofHours(1))
            .build();
    return http.send(request, BodyHandlers.ofInputStream());
  }

  /**
   * Sends a GET with the token.
   *
   * @param path the path and query
   * @return the response
   */
  HttpResponse<String> getAuthorized(String path) throws IOException, InterruptedException {
    return send(get(path).build());
  }

  /**
   * Sends a GET without a token (health, metrics).
   *
   * @param path the path
   * @return the response
   */
  HttpResponse<String> getPublic(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).GET().build();
    return send(request);
  }

  /**
   * The status member of a JSON body.
   *
   * @param json the body
   * @return the status, empty when absent
   */
  static String status(String json) {
    Matcher m = STATUS.matcher(json);
    return m.find() ? m.group(1) : "";
  }

  /**
   * The first id member of a JSON body.
   *
   * @param json the body
   * @return the id
   */
  static String id(String json) {
    return extract(ID, json);
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, BodyHandlers.ofString());
  }

  private HttpRequest.Builder authorized(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
    return token.isEmpty() ? builder : builder.header("Authorization", "Bearer " + token);
  }

  private HttpRequest.Builder get(String path) {
    return authorized(path).GET();
  }

  private HttpRequest post(String path, String json) {
    return authorized(path)
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(json))
        .build();
  }

  private static String expect(HttpResponse<String> response, int status) throws IOException {
    if (response.statusCode() != status) {
      throw new IOException(
          response.request().method()
              + " "
              + response.uri().getPath()
              + " answered "
              + response.statusCode()
              + " (expected "
              + status
              + "): "
              + response.body());
    }
    return response.body();
  }

  private static String extract(Pattern pattern, String json) {
    Matcher m = pattern.matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("No " + pattern + " in the response: " + json);
    }
    return m.group(1);
  }
}
