package dev.plinth.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Starting, cancelling and awaiting executions in the ITs. */
final class Executions {
  static final String PATH = "/api/v1/executions";

  private Executions() {}

  /** Creates an active workflow with the given steps (JSON objects, comma-separated); its id. */
  static String createActive(String token, String steps) {
    String body =
        "{\"name\": \"%s\", \"status\": \"active\", \"definition\": {\"steps\": [%s]}}"
            .formatted(Workflows.uniqueName(), steps);
    HttpResponse<String> response = ServerClient.postJson(Workflows.PATH, token, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return ServerClient.json(response).getString("id");
  }

  /** Starts an execution of a workflow, with an Idempotency-Key unless it is null. */
  static HttpResponse<String> start(String token, String workflow, String key, String body) {
    HttpRequest.Builder request =
        ServerClient.request(Workflows.PATH + "/" + workflow + "/executions", token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return ServerClient.send(request);
  }

  /** Starts an execution without parameters; returns its id. */
  static String startId(String token, String workflow) {
    HttpResponse<String> started = start(token, workflow, null, "{}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    return ServerClient.json(started).getString("id");
  }

  static HttpResponse<String> cancel(String id, String token) {
    return ServerClient.send(
        ServerClient.request(PATH + "/" + id + "/cancel", token)
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  static JsonObject get(String id, String token) {
    return ServerClient.json(ServerClient.get(PATH + "/" + id, token));
  }

  /** Waits (up to 30 s) until the execution has the status; returns it then. */
  static JsonObject awaitStatus(String id, String status, String token) {
    return awaitView(id, token, view -> status.equals(view.getString("status")));
  }

  /** Waits (up to 30 s) until the execution's view matches; returns that view. */
  static JsonObject awaitView(String id, String token, Predicate<JsonObject> condition) {
    return awaitPresent(() -> Optional.of(get(id, token)).filter(condition));
  }

  /** Polls (every 100 ms, up to 30 s) until the probe finds something; returns it. */
  static <T> T awaitPresent(Supplier<Optional<T>> probe) {
    AtomicReference<T> found = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              Optional<T> value = probe.get();
              value.ifPresent(found::set);
              return value.isPresent();
            });
    return found.get();
  }
}
