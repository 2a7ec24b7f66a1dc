package dev.plinth.server.it;

import static dev.plinth.server.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Backup and restore end to end: snapshot, list, download, restore (empty, replace, merge), upload
 * of a valid and of a corrupt file, and the admin-only access rule. Restoring with {@code replace}
 * wipes what other ITs created; failsafe runs the IT classes one after the other, so none of them
 * runs meanwhile.
 */
class BackupIT {
  private static final String BACKUPS = "/api/v1/admin/backups";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static String viewer;
  private static String user;
  private static String admin;

  @BeforeAll
  static void tokens() {
    // The first request initialises the application; on a busy machine it can outlast the client's
    // timeout when this class runs first (-Dit.test=BackupIT).
    await()
        .atMost(Duration.ofMinutes(3))
        .ignoreExceptions()
        .until(() -> ServerClient.get("/api/v1/auth/me", null).statusCode() == 401);
    viewer = Tokens.accessToken("viewer");
    user = Tokens.accessToken("user");
    admin = Tokens.accessToken("admin");
  }

  @Test
  void backup_deleteWorkflow_restoreReplace_bringsEverythingBack() {
    String kept = Workflows.create(user, "active");
    String deleted = createActiveLogWorkflow();
    String run = runToSuccess(deleted);
    JsonObject keptBefore = stored(get(Workflows.PATH + "/" + kept));
    JsonObject deletedBefore = stored(get(Workflows.PATH + "/" + deleted));
    JsonObject runBefore = stored(get("/api/v1/executions/" + run));

    HttpResponse<String> created = ServerClient.postJson(BACKUPS, admin, "{}");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonObject backup = ServerClient.json(created);
    String id = backup.getString("id");
    assertThat(created.headers().firstValue("Location").orElse("")).endsWith(BACKUPS + "/" + id);
    assertThat(backup.getJsonNumber("size").longValue()).isPositive();
    assertThat(backup.getJsonObject("counts").getInt("workflow")).isGreaterThanOrEqualTo(2);
    assertThat(backup.getJsonObject("counts").getInt("execution")).isGreaterThanOrEqualTo(1);
    assertThat(get(BACKUPS + "/" + id)).isEqualTo(backup);
    assertThat(get(BACKUPS).getJsonArray("items")).contains(backup);

    // change things: delete one workflow, rename (and so re-cache) the other
    assertThat(ServerClient.delete(Workflows.PATH + "/" + deleted, admin).statusCode())
        .isEqualTo(204);
    assertThat(
            ServerClient.putJson(
                    Workflows.PATH + "/" + kept, user, "\"1\"", Workflows.body("renamed", "active"))
                .statusCode())
        .isEqualTo(200);
    assertThat(get(Workflows.PATH + "/" + kept).getString("name")).isEqualTo("renamed");

    assertProblem(restore(id, null), 409, "database-not-empty");
    HttpResponse<String> restored = restore(id, "replace");

    assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
    assertThat(ServerClient.json(restored).getString("mode")).isEqualTo("replace");
    assertThat(stored(get(Workflows.PATH + "/" + kept))).isEqualTo(keptBefore);
    assertThat(stored(get(Workflows.PATH + "/" + deleted))).isEqualTo(deletedBefore);
    assertThat(stored(get("/api/v1/executions/" + run))).isEqualTo(runBefore);
    assertThat(ServerClient.get(Workflows.PATH + "/" + kept, viewer).headers().firstValue("ETag"))
        .contains("\"1\"");
  }

  @Test
  void restore_executionRunningAtBackupTime_isRequeuedAndRunsAgain() {
    String body =
        """
        {"name": "%s", "status": "active", "definition": {"steps": [
          {"name": "wait", "type": "delay", "durationMs": 2000}]}}
        """
            .formatted(Workflows.uniqueName());
    HttpResponse<String> workflow = ServerClient.postJson(Workflows.PATH, user, body);
    assertThat(workflow.statusCode()).as(workflow.body()).isEqualTo(201);
    HttpResponse<String> started =
        ServerClient.postJson(
            Workflows.PATH + "/" + ServerClient.json(workflow).getString("id") + "/executions",
            user,
            "{}");
    String run = ServerClient.json(started).getString("id");
    awaitStatus(run, "running");
    String id = createBackup(); // taken while the execution runs
    awaitStatus(run, "succeeded");

    HttpResponse<String> restored = restore(id, "replace");

    assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
    assertThat(ServerClient.json(restored).getInt("requeued")).isGreaterThanOrEqualTo(1);
    JsonObject again = awaitStatus(run, "succeeded");
    assertThat(again.getInt("attempts")).isEqualTo(2);
  }

  @Test
  void restoreMerge_addsMissingRows_andKeepsNewOnes() {
    String old = createActiveLogWorkflow();
    String id = createBackup();
    String newer = Workflows.create(user, "draft");
    assertThat(ServerClient.delete(Workflows.PATH + "/" + old, admin).statusCode()).isEqualTo(204);

    HttpResponse<String> merged = restore(id, "merge");

    assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
    JsonObject result = ServerClient.json(merged);
    assertThat(result.getJsonObject("restored").getInt("workflow")).isEqualTo(1);
    assertThat(result.getJsonObject("skipped").getInt("workflow")).isPositive();
    assertThat(ServerClient.get(Workflows.PATH + "/" + old, viewer).statusCode()).isEqualTo(200);
    assertThat(ServerClient.get(Workflows.PATH + "/" + newer, viewer).statusCode()).isEqualTo(200);
  }

  @Test
  void download_thenUpload_storesAnEquivalentBackup() throws IOException {
    String id = createBackup();

    byte[] file = download(BACKUPS + "/" + id + "/content");
    byte[] viaQuery = download(BACKUPS + "/" + id + "?download=true");

    assertThat(viaQuery).isEqualTo(file);
    JsonObject header = firstLine(file);
    assertThat(header.getString("format")).isEqualTo("plinth-backup");
    assertThat(header.getInt("formatVersion")).isEqualTo(1);
    assertThat(header.getString("id")).isEqualTo(id);
    HttpResponse<String> uploaded = upload(file);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    JsonObject copy = ServerClient.json(uploaded);
    assertThat(copy.getString("source")).isEqualTo("upload");
    assertThat(copy.getJsonObject("counts"))
        .isEqualTo(get(BACKUPS + "/" + id).getJsonObject("counts"));
  }

  @Test
  void upload_corruptOrTruncatedFile_is400AndChangesNothing() {
    String id = createBackup();
    byte[] file = download(BACKUPS + "/" + id + "/content");
    int backupsBefore = get(BACKUPS).getInt("count");
    long workflowsBefore = get(Workflows.PATH).getJsonNumber("total").longValue();

    assertProblem(upload("not a backup".getBytes(StandardCharsets.UTF_8)), 400, "backup-invalid");
    assertProblem(upload(Arrays.copyOf(file, file.length - 20)), 400, "backup-invalid");
    byte[] flipped = file.clone();
    flipped[flipped.length / 2] ^= 0x5A;
    assertProblem(upload(flipped), 400, "backup-invalid");

    assertThat(get(BACKUPS).getInt("count")).isEqualTo(backupsBefore);
    assertThat(get(Workflows.PATH).getJsonNumber("total").longValue()).isEqualTo(workflowsBefore);
  }

  @Test
  void delete_removesTheBackup_andUnknownIdsAre404() {
    String id = createBackup();

    assertThat(ServerClient.delete(BACKUPS + "/" + id, admin).statusCode()).isEqualTo(204);

    assertProblem(ServerClient.get(BACKUPS + "/" + id, admin), 404, "not-found");
    assertProblem(ServerClient.delete(BACKUPS + "/" + id, admin), 404, "not-found");
    assertProblem(restore(id, "merge"), 404, "not-found");
    assertProblem(ServerClient.get(BACKUPS + "/../../etc", admin), 404, "not-found");
  }

  @Test
  void restore_unknownMode_is400() {
    String id = createBackup();

    assertProblem(restore(id, "overwrite"), 400, "validation");
  }

  @Test
  void backups_areForAdminsOnly() {
    for (String token : new String[] {viewer, user}) {
      assertProblem(ServerClient.get(BACKUPS, token), 403, "forbidden");
      assertProblem(ServerClient.postJson(BACKUPS, token, "{}"), 403, "forbidden");
      assertProblem(
          ServerClient.postJson(BACKUPS + "/20260101T000000Z-00000000/restore", token, ""),
          403,
          "forbidden");
    }
    HttpResponse<String> anonymous = ServerClient.get(BACKUPS, null);
    assertProblem(anonymous, 401, "unauthenticated");
    assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
  }

  private static String createBackup() {
    HttpResponse<String> created = ServerClient.postJson(BACKUPS, admin, "{}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return ServerClient.json(created).getString("id");
  }

  private static HttpResponse<String> restore(String id, String mode) {
    return ServerClient.postJson(
        BACKUPS + "/" + id + "/restore" + (mode == null ? "" : "?mode=" + mode), admin, "");
  }

  private static JsonObject get(String path) {
    HttpResponse<String> response = ServerClient.get(path, admin);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return ServerClient.json(response);
  }

  /**
   * The view with its timestamps as the database keeps them (microseconds): a view served from
   * memory right after a write can carry nanoseconds the database never stored.
   */
  private static JsonObject stored(JsonObject view) {
    JsonObjectBuilder copy = Json.createObjectBuilder(view);
    view.forEach(
        (name, value) -> {
          if (name.endsWith("At") && value instanceof JsonString text) {
            Instant instant = Instant.parse(text.getString());
            Instant micros =
                instant
                    .truncatedTo(ChronoUnit.MICROS)
                    .plusNanos(instant.getNano() % 1000 >= 500 ? 1000 : 0); // rounded like H2/PG
            copy.add(name, micros.toString());
          }
        });
    return copy.build();
  }

  private static String createActiveLogWorkflow() {
    String body =
        """
        {"name": "%s", "status": "active", "definition": {"steps": [
          {"name": "say", "type": "log", "message": "hi ${params.who}"}]}}
        """
            .formatted(Workflows.uniqueName());
    HttpResponse<String> response = ServerClient.postJson(Workflows.PATH, user, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return ServerClient.json(response).getString("id");
  }

  private static String runToSuccess(String workflow) {
    HttpResponse<String> started =
        ServerClient.postJson(
            Workflows.PATH + "/" + workflow + "/executions",
            user,
            "{\"params\":{\"who\":\"ada\"}}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String id = ServerClient.json(started).getString("id");
    awaitStatus(id, "succeeded");
    return id;
  }

  private static JsonObject awaitStatus(String run, String status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> get("/api/v1/executions/" + run).getString("status"), status::equals);
    return get("/api/v1/executions/" + run);
  }

  private static HttpResponse<String> upload(byte[] file) {
    return ServerClient.send(
        ServerClient.request(BACKUPS + "/upload", admin)
            .header("Content-Type", "application/gzip")
            .POST(HttpRequest.BodyPublishers.ofByteArray(file)));
  }

  private static byte[] download(String path) {
    try {
      HttpResponse<byte[]> response =
          HTTP.send(
              ServerClient.request(path, admin).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/gzip");
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject firstLine(byte[] gzipped) throws IOException {
    try (BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(
                    new GZIPInputStream(new ByteArrayInputStream(gzipped)),
                    StandardCharsets.UTF_8));
        JsonReader reader = Json.createReader(new StringReader(lines.readLine()))) {
      return reader.readObject();
    }
  }
}
