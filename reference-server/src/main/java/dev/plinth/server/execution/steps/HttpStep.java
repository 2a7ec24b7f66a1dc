package dev.plinth.server.execution.steps;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * {@code http}: GET or POST to a URL whose host is on the server's allow-list (so a workflow author
 * cannot make the server call internal services), with a timeout. The result holds the status and
 * the body (parsed when it is JSON, truncated text otherwise). A 5xx, 429 or I/O error is retried;
 * a host outside the allow-list or another 4xx fails the execution at once.
 */
public final class HttpStep implements StepRunner {
  static final int MAX_BODY_CHARS = 64 * 1024;
  private static final long DEFAULT_TIMEOUT_MS = 10_000;

  private final HttpClient client;
  private final Set<String> allowedHosts;

  /**
   * Creates the runner.
   *
   * @param client the HTTP client
   * @param allowedHosts the hosts steps may call (lower case)
   */
  public HttpStep(HttpClient client, Set<String> allowedHosts) {
    this.client = client;
    this.allowedHosts = Set.copyOf(allowedHosts);
  }

  @Override
  public JsonValue run(JsonObject step, StepContext context) {
    URI url = URI.create(Templates.fillText(step.getString("url"), context));
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    if (!allowedHosts.contains(host)) {
      throw new StepFailedException(
          "Host '"
              + host
              + "' is not allowed for http steps; add it to plinth.server.steps.http-allowed-hosts.",
          false);
    }
    HttpResponse<String> response = send(request(step, context, url));
    int status = response.statusCode();
    if (status >= 400) {
      boolean retryable = status >= 500 || status == 429;
      throw new StepFailedException(
          "HTTP " + status + " from " + url.getHost() + url.getPath(), retryable);
    }
    return Json.createObjectBuilder().add("status", status).add("body", body(response)).build();
  }

  private static HttpRequest request(JsonObject step, StepContext context, URI url) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(
                Duration.ofMillis(
                    step.containsKey("timeoutMs")
                        ? step.getJsonNumber("timeoutMs").longValue()
                        : DEFAULT_TIMEOUT_MS));
    JsonObject headers = step.getJsonObject("headers");
    if (headers != null) {
      headers.forEach(
          (name, value) ->
              request.header(name, Templates.fillText(((JsonString) value).getString(), context)));
    }
    if ("POST".equals(step.getString("method", "GET"))) {
      JsonValue body = step.containsKey("body") ? Templates.fill(step.get("body"), context) : null;
      String text =
          body == null ? "" : body instanceof JsonString s ? s.getString() : body.toString();
      if (headers == null || !headers.containsKey("Content-Type")) {
        request.header(
            "Content-Type", body instanceof JsonString ? "text/plain" : "application/json");
      }
      request.POST(HttpRequest.BodyPublishers.ofString(text));
    } else {
      request.GET();
    }
    return request.build();
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new StepFailedException(
          "HTTP call to " + request.uri().getHost() + " failed: " + e.getMessage(), true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepFailedException(
          "HTTP call interrupted (server stopping); will retry.", true, e);
    }
  }

  private static JsonValue body(HttpResponse<String> response) {
    String text = response.body() == null ? "" : response.body();
    boolean json =
        response.headers().firstValue("Content-Type").orElse("").contains("json")
            && text.length() <= MAX_BODY_CHARS;
    if (json) {
      try (JsonReader reader = Json.createReader(new StringReader(text))) {
        return reader.readValue();
      } catch (RuntimeException notJson) {
        // fall through: recorded as text
      }
    }
    return Json.createValue(
        text.length() > MAX_BODY_CHARS ? text.substring(0, MAX_BODY_CHARS) : text);
  }
}
