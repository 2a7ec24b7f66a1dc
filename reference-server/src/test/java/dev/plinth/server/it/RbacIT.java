package dev.plinth.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each route group against each role: 401 anonymous, 403 without the role, success with it. */
class RbacIT {
  private static Map<String, String> tokens;

  @BeforeAll
  static void tokens() {
    tokens =
        Map.of(
            "viewer", Tokens.accessToken("viewer"),
            "user", Tokens.accessToken("user"),
            "admin", Tokens.accessToken("admin"));
  }

  @ParameterizedTest(name = "{0} as {1} -> {2}")
  @CsvSource({
    "me, anonymous, 401",
    "me, viewer, 200",
    "me, user, 200",
    "me, admin, 200",
    "list, anonymous, 401",
    "list, viewer, 200",
    "list, user, 200",
    "list, admin, 200",
    "get, anonymous, 401",
    "get, viewer, 200",
    "get, admin, 200",
    "create, anonymous, 401",
    "create, viewer, 403",
    "create, user, 201",
    "create, admin, 201",
    "replace, anonymous, 401",
    "replace, viewer, 403",
    "replace, user, 200",
    "replace, admin, 200",
    "delete, anonymous, 401",
    "delete, viewer, 403",
    "delete, user, 403",
    "delete, admin, 204",
    "platform, anonymous, 401",
    "platform, viewer, 403",
    "platform, user, 403",
    "platform, admin, 200",
  })
  void route_asRole_answers(String route, String role, int expected) {
    String token = tokens.get(role);
    HttpResponse<String> response = routes().get(route).apply(token, fixture());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    if (expected == 401) {
      assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
    }
    if (expected >= 400) {
      Problems.assertProblem(response, expected, expected == 401 ? "unauthenticated" : "forbidden");
    }
  }

  private static String fixture() {
    return Workflows.create(tokens.get("user"), "draft");
  }

  private static Map<String, BiFunction<String, String, HttpResponse<String>>> routes() {
    return Map.of(
        "me", (token, id) -> ServerClient.get("/api/v1/auth/me", token),
        "list", (token, id) -> ServerClient.get(Workflows.PATH, token),
        "get", (token, id) -> ServerClient.get(Workflows.PATH + "/" + id, token),
        "create",
            (token, id) ->
                ServerClient.postJson(
                    Workflows.PATH, token, Workflows.body(Workflows.uniqueName(), "draft")),
        "replace",
            (token, id) ->
                ServerClient.putJson(
                    Workflows.PATH + "/" + id, token, "\"1\"", Workflows.body("renamed", "draft")),
        "delete", (token, id) -> ServerClient.delete(Workflows.PATH + "/" + id, token),
        "platform", (token, id) -> ServerClient.get("/api/v1/platform", token));
  }
}
