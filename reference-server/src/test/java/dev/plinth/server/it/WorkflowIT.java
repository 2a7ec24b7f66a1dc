package dev.plinth.server.it;

import static dev.plinth.server.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WorkflowIT {
  private static String user;
  private static String admin;

  @BeforeAll
  static void tokens() {
    user = Tokens.accessToken("user");
    admin = Tokens.accessToken("admin");
  }

  @Test
  void create_thenGet_returnsTheDefinitionWithETag() {
    String name = Workflows.uniqueName();
    HttpResponse<String> created =
        ServerClient.postJson(Workflows.PATH, user, Workflows.body(name, "draft"));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonObject body = ServerClient.json(created);
    assertThat(created.headers().firstValue("Location").orElse(""))
        .endsWith("/api/v1/workflows/" + body.getString("id"));
    assertThat(body.getInt("version")).isEqualTo(1);

    HttpResponse<String> fetched =
        ServerClient.get(Workflows.PATH + "/" + body.getString("id"), user);
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(fetched.headers().firstValue("ETag")).contains("\"1\"");
    JsonObject workflow = ServerClient.json(fetched);
    assertThat(workflow.getString("name")).isEqualTo(name);
    assertThat(workflow.getString("status")).isEqualTo("draft");
    assertThat(workflow.getJsonObject("definition").getJsonArray("steps")).hasSize(7);
  }

  @Test
  void put_withCurrentETag_incrementsVersion_andStaleETagIs412() {
    String id = Workflows.create(user, "draft");
    String path = Workflows.PATH + "/" + id;

    HttpResponse<String> updated =
        ServerClient.putJson(path, user, "\"1\"", Workflows.body("renamed", "active"));
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    assertThat(updated.headers().firstValue("ETag")).contains("\"2\"");
    assertThat(ServerClient.json(updated).getString("status")).isEqualTo("active");

    HttpResponse<String> stale =
        ServerClient.putJson(path, user, "\"1\"", Workflows.body("lost update", "draft"));
    assertProblem(stale, 412, "precondition-failed");
    assertThat(ServerClient.json(ServerClient.get(path, user)).getString("name"))
        .isEqualTo("renamed");
  }

  @Test
  void put_concurrentWithSameETag_exactlyOneWins() {
    String id = Workflows.create(user, "draft");
    String path = Workflows.PATH + "/" + id;

    List<CompletableFuture<HttpResponse<String>>> writers =
        IntStream.range(0, 4)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () ->
                            ServerClient.putJson(
                                path, user, "\"1\"", Workflows.body("writer-" + i, "active"))))
            .toList();
    List<Integer> statuses = writers.stream().map(f -> f.join().statusCode()).toList();

    assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 412);
    assertThat(ServerClient.get(path, user).headers().firstValue("ETag")).contains("\"2\"");
  }

  @Test
  void put_withoutIfMatch_is428() {
    String id = Workflows.create(user, "draft");

    HttpResponse<String> response =
        ServerClient.putJson(Workflows.PATH + "/" + id, user, null, Workflows.body("x", "draft"));

    assertProblem(response, 428, "precondition-required");
  }

  @Test
  void delete_byAdmin_thenGetIs404() {
    String id = Workflows.create(user, "draft");

    assertThat(ServerClient.delete(Workflows.PATH + "/" + id, admin).statusCode()).isEqualTo(204);
    assertProblem(ServerClient.get(Workflows.PATH + "/" + id, admin), 404, "not-found");
  }

  @Test
  void list_filtersByStatus_andPaginates() {
    Workflows.create(user, "archived");
    Workflows.create(user, "archived");

    HttpResponse<String> response =
        ServerClient.get(Workflows.PATH + "?status=archived&page=0&size=1", user);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject page = ServerClient.json(response);
    assertThat(page.getJsonArray("items")).hasSize(1);
    assertThat(page.getInt("size")).isEqualTo(1);
    assertThat(page.getJsonNumber("total").longValue()).isGreaterThanOrEqualTo(2);
    assertThat(page.getJsonArray("items").getValuesAs(JsonValue::asJsonObject))
        .allSatisfy(item -> assertThat(item.getString("status")).isEqualTo("archived"));
  }

  @Test
  void list_withBadSize_is400NamingTheParameter() {
    HttpResponse<String> response = ServerClient.get(Workflows.PATH + "?size=1000", user);

    assertThat(assertProblem(response, 400, "validation").getString("field")).isEqualTo("size");
  }

  @Test
  void create_withUnknownStepType_is400NamingTheField() {
    String body =
        Workflows.body(Workflows.uniqueName(), "draft")
            .replace("\"type\": \"delay\"", "\"type\": \"teleport\"");

    HttpResponse<String> response = ServerClient.postJson(Workflows.PATH, user, body);

    assertThat(assertProblem(response, 400, "validation").getString("field"))
        .isEqualTo("definition.steps[2].type");
  }

  @Test
  void create_withBadStepField_is400NamingTheField() {
    String body =
        Workflows.body(Workflows.uniqueName(), "draft")
            .replace("\"url\": \"https://example.org/data\"", "\"url\": \"ftp://example.org\"");

    HttpResponse<String> response = ServerClient.postJson(Workflows.PATH, user, body);

    assertThat(assertProblem(response, 400, "validation").getString("field"))
        .isEqualTo("definition.steps[0].url");
  }

  @Test
  void create_withUnknownStepMember_is400NamingTheField() {
    String body =
        Workflows.body(Workflows.uniqueName(), "draft")
            .replace("\"durationMs\": 10", "\"durationMs\": 10, \"colour\": \"red\"");

    HttpResponse<String> response = ServerClient.postJson(Workflows.PATH, user, body);

    assertThat(assertProblem(response, 400, "validation").getString("field"))
        .isEqualTo("definition.steps[2].colour");
  }

  @Test
  void create_withBadStatus_is400() {
    HttpResponse<String> response =
        ServerClient.postJson(Workflows.PATH, user, Workflows.body("x", "running"));

    assertThat(assertProblem(response, 400, "validation").getString("field")).isEqualTo("status");
  }

  @Test
  void create_withMalformedJson_is400Problem() {
    HttpResponse<String> response =
        ServerClient.postJson(Workflows.PATH, user, "{\"name\": \"x\", \"definition\": {");

    assertProblem(response, 400, "malformed-json");
  }

  @Test
  void get_unknownId_is404Problem() {
    assertProblem(ServerClient.get(Workflows.PATH + "/does-not-exist", user), 404, "not-found");
  }
}
