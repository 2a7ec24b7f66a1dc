package dev.plinth.server.it;

import static dev.plinth.server.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Presigned download links: usable without a token, refused once expired or tampered with. */
class FileLinksIT {
  private static String user;

  @BeforeAll
  static void token() {
    user = Tokens.accessToken("user");
  }

  @Test
  void link_downloadsWithoutAToken() {
    String project = Files.newProject();
    byte[] content = Files.bytes(20_000, 6);
    String id = Files.upload(project, user, "shared.bin", content);

    JsonObject link = createLink(project, id, "{}");

    assertThat(link.getString("url"))
        .startsWith(
            "http://localhost:" + System.getProperty("http.port", "9080") + "/api/v1/blobs/");
    assertThat(link.getString("method")).isEqualTo("GET");
    HttpResponse<byte[]> download =
        Files.sendBytes(HttpRequest.newBuilder(URI.create(link.getString("url"))));
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(content);
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("shared.bin");
  }

  @Test
  void link_expires() {
    String project = Files.newProject();
    String id = Files.upload(project, user, "brief.txt", "soon gone".getBytes());

    String url = createLink(project, id, "{\"ttlSeconds\": 1}").getString("url");

    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> ServerClient.send(HttpRequest.newBuilder(URI.create(url))).statusCode() == 403);
    assertProblem(ServerClient.send(HttpRequest.newBuilder(URI.create(url))), 403, "link-expired");
  }

  @Test
  void link_tamperedSignatureOrKey_isRefused() {
    String project = Files.newProject();
    String id = Files.upload(project, user, "a.txt", "a".getBytes());
    String other = Files.upload(project, user, "b.txt", "b".getBytes());
    String url = createLink(project, id, "").getString("url");

    String badSig = url.substring(0, url.length() - 2) + (url.endsWith("AA") ? "BB" : "AA");
    String otherKey = url.replace("/" + id + "?", "/" + other + "?");
    String longer = url.replaceFirst("expires=(\\d+)", "expires=9$1");

    for (String tampered : new String[] {badSig, otherKey, longer}) {
      assertProblem(
          ServerClient.send(HttpRequest.newBuilder(URI.create(tampered))), 403, "bad-signature");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"{\"ttlSeconds\": 0}", "{\"ttlSeconds\": 604801}", "{\"ttlSeconds\": 1.5}"})
  void link_badTtl_answers400NamingTheField(String body) {
    String project = Files.newProject();
    String id = Files.upload(project, user, "t.txt", "t".getBytes());

    HttpResponse<String> response =
        ServerClient.postJson(Files.path(project) + "/" + id + "/link", user, body);

    assertThat(assertProblem(response, 400, "validation").getString("field"))
        .isEqualTo("ttlSeconds");
  }

  @Test
  void link_missingFile_answers404() {
    HttpResponse<String> response =
        ServerClient.postJson(Files.path(Files.newProject()) + "/nope/link", user, "{}");

    assertProblem(response, 404, "not-found");
  }

  private static JsonObject createLink(String project, String id, String body) {
    HttpResponse<String> response =
        ServerClient.postJson(Files.path(project) + "/" + id + "/link", user, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return ServerClient.json(response);
  }
}
