package dev.plinth.server.it;

import static dev.plinth.server.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Executions end to end: outbox, queue worker, step results, retries, dead letters, redrive. */
class ExecutionIT {
  private static final String RUNS = Executions.PATH;
  private static String viewer;
  private static String user;
  private static String admin;

  @BeforeAll
  static void tokens() {
    viewer = Tokens.accessToken("viewer");
    user = Tokens.accessToken("user");
    admin = Tokens.accessToken("admin");
  }

  @Test
  void run_logAndTransform_succeedsWithStepResults() {
    String workflow =
        createActive(
            """
            {"name": "greet", "type": "log", "message": "hello ${params.who}"},
            {"name": "shape", "type": "transform",
             "output": {"who": "${params.who}", "said": "${greet.logged}", "n": "${params.n}"}}
            """);

    HttpResponse<String> created = start(workflow, null, "{\"params\":{\"who\":\"ada\",\"n\":3}}");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
    String id = ServerClient.json(created).getString("id");
    assertThat(created.headers().firstValue("Location").orElse("")).endsWith(RUNS + "/" + id);
    JsonObject done = awaitStatus(id, "succeeded");
    JsonObject shape = done.getJsonObject("steps").getJsonObject("shape");
    assertThat(shape.getString("who")).isEqualTo("ada");
    assertThat(shape.getString("said")).isEqualTo("hello ada");
    assertThat(shape.getInt("n")).isEqualTo(3);
    assertThat(done.getInt("attempts")).isEqualTo(1);
    assertThat(done.getString("startedAt")).isNotBlank();
    assertThat(done.getString("finishedAt")).isNotBlank();
  }

  @Test
  void create_sameIdempotencyKey_returnsTheSameExecution() {
    String workflow = createActive("{\"name\": \"say\", \"type\": \"log\", \"message\": \"x\"}");
    String key = UUID.randomUUID().toString();

    HttpResponse<String> first = start(workflow, key, "{}");
    HttpResponse<String> second = start(workflow, key, "{}");

    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    String id = ServerClient.json(first).getString("id");
    assertThat(ServerClient.json(second).getString("id")).isEqualTo(id);
    JsonObject listed = ServerClient.json(ServerClient.get(RUNS + "?workflow=" + workflow, viewer));
    assertThat(listed.getInt("total")).isEqualTo(1);
    assertThat(listed.getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo(id);
  }

  @Test
  void failStep_deadLettersAfterMaxAttempts_andAdminRedriveRunsItAgain() {
    String workflow =
        createActive(
            """
            {"name": "say", "type": "log", "message": "about to fail"},
            {"name": "boom", "type": "fail", "message": "on purpose"}
            """);
    String id = ServerClient.json(start(workflow, null, "")).getString("id");

    JsonObject dead = awaitStatus(id, "dead_lettered");
    assertThat(dead.getInt("attempts")).isEqualTo(3);
    assertThat(dead.getString("error")).contains("on purpose");
    String letter = awaitDeadLetter(id);

    HttpResponse<String> redriven =
        ServerClient.send(
            ServerClient.request("/api/v1/admin/dead-letters/" + letter + "/redrive", admin)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(redriven.statusCode()).as(redriven.body()).isEqualTo(202);
    assertThat(ServerClient.json(redriven).getString("status")).isEqualTo("queued");

    // The fail step is deterministic: the redriven run fails all its attempts again.
    JsonObject again = awaitStatus(id, "dead_lettered");
    assertThat(again.getInt("attempts")).isEqualTo(6);
    String second = awaitDeadLetter(id);
    assertThat(ServerClient.delete("/api/v1/admin/dead-letters/" + second, admin).statusCode())
        .isEqualTo(204);
  }

  @Test
  void cancel_queuedOrRunning_isCancelled_andFinishedIs409() {
    String workflow =
        createActive("{\"name\": \"wait\", \"type\": \"delay\", \"durationMs\": 3000}");
    String id = ServerClient.json(start(workflow, null, "")).getString("id");

    HttpResponse<String> cancelled = cancel(id, user);
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    assertThat(ServerClient.json(cancelled).getString("status")).isEqualTo("cancelled");
    assertProblem(cancel(id, user), 409, "already-finished");
    assertThat(status(id)).isEqualTo("cancelled");
  }

  @Test
  void rbac_viewerCannotStart_userCannotSeeDeadLetters() {
    String workflow = createActive("{\"name\": \"say\", \"type\": \"log\", \"message\": \"x\"}");

    assertProblem(
        ServerClient.postJson(Workflows.PATH + "/" + workflow + "/executions", viewer, "{}"),
        403,
        "forbidden");
    assertProblem(cancel("whatever", viewer), 403, "forbidden");
    assertProblem(ServerClient.get("/api/v1/admin/dead-letters", user), 403, "forbidden");
    assertProblem(ServerClient.get(RUNS, null), 401, "unauthenticated");
    assertThat(ServerClient.get(RUNS, viewer).statusCode()).isEqualTo(200);
    assertThat(ServerClient.get("/api/v1/admin/dead-letters", admin).statusCode()).isEqualTo(200);
  }

  @Test
  void create_draftWorkflow_is409_andUnknownIs404() {
    String draft = Workflows.create(user, "draft");

    assertProblem(start(draft, null, "{}"), 409, "workflow-not-active");
    assertProblem(start(UUID.randomUUID().toString(), null, "{}"), 404, "not-found");
    assertProblem(ServerClient.get(RUNS + "/" + UUID.randomUUID(), viewer), 404, "not-found");
  }

  private static String createActive(String steps) {
    return Executions.createActive(user, steps);
  }

  private static HttpResponse<String> start(String workflow, String key, String body) {
    return Executions.start(user, workflow, key, body);
  }

  private static HttpResponse<String> cancel(String id, String token) {
    return Executions.cancel(id, token);
  }

  private static String status(String id) {
    return Executions.get(id, viewer).getString("status");
  }

  private static JsonObject awaitStatus(String id, String status) {
    return Executions.awaitStatus(id, status, viewer);
  }

  /** Waits for the execution's dead letter; returns its id. */
  private static String awaitDeadLetter(String executionId) {
    return Executions.awaitPresent(
        () -> {
          JsonObject list =
              ServerClient.json(
                  ServerClient.get("/api/v1/admin/dead-letters?queue=executions", admin));
          for (JsonValue item : list.getJsonArray("items")) {
            JsonObject letter = item.asJsonObject();
            if (executionId.equals(letter.getString("executionId", ""))) {
              return Optional.of(letter.getString("id"));
            }
          }
          return Optional.empty();
        });
  }
}
