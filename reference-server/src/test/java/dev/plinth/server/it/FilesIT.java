package dev.plinth.server.it;

import static dev.plinth.server.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Upload, list, download (ETag, Range), delete, validation and roles of the files API. */
class FilesIT {
  private static String user;
  private static String viewer;

  @BeforeAll
  static void tokens() {
    user = Tokens.accessToken("user");
    viewer = Tokens.accessToken("viewer");
  }

  @Test
  void upload_rawBody_isStoredAndDownloadsIdentically() {
    String project = Files.newProject();
    byte[] content = Files.bytes(300_000, 1);

    HttpResponse<String> created =
        Files.uploadRaw(project, user, "data.bin", "application/x-test", content);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonObject file = ServerClient.json(created);
    assertThat(file.getString("name")).isEqualTo("data.bin");
    assertThat(file.getJsonNumber("size").longValue()).isEqualTo(content.length);
    assertThat(file.getString("contentType")).isEqualTo("application/x-test");
    assertThat(file.getString("createdAt")).isNotBlank();
    assertThat(created.headers().firstValue("Location").orElseThrow())
        .endsWith(Files.path(project) + "/" + file.getString("id"));
    assertThat(created.headers().firstValue("ETag")).contains(file.getString("etag"));

    HttpResponse<byte[]> download =
        Files.sendBytes(
            ServerClient.request(Files.path(project) + "/" + file.getString("id"), viewer));
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(Files.sha256(download.body())).isEqualTo(Files.sha256(content));
    assertThat(download.headers().firstValue("Content-Length")).contains("300000");
    assertThat(download.headers().firstValue("Content-Type")).contains("application/x-test");
    assertThat(download.headers().firstValue("ETag")).contains(file.getString("etag"));
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment; filename=\"data.bin\"");
  }

  @Test
  void upload_multipart_storesTheFilePartWithItsNameAndType() {
    String project = Files.newProject();
    byte[] content = Files.bytes(50_000, 2);

    HttpResponse<String> created =
        Files.uploadMultipart(project, user, "report.csv", "text/csv", content);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonObject file = ServerClient.json(created);
    assertThat(file.getString("name")).isEqualTo("report.csv");
    assertThat(file.getString("contentType")).startsWith("text/csv");
    assertThat(file.getJsonNumber("size").longValue()).isEqualTo(content.length);
    HttpResponse<byte[]> download =
        Files.sendBytes(
            ServerClient.request(Files.path(project) + "/" + file.getString("id"), user));
    assertThat(download.body()).isEqualTo(content);
  }

  @Test
  void upload_chunkedBody_isStreamedAndStored() {
    String project = Files.newProject();
    byte[] content = Files.bytes(200_000, 3);

    HttpResponse<String> created = Files.uploadChunked(project, user, "stream.bin", content);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(ServerClient.json(created).getJsonNumber("size").longValue()).isEqualTo(200_000);
  }

  @Test
  void list_returnsTheProjectsFilesInPages() {
    String project = Files.newProject();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      ids.add(Files.upload(project, user, "f" + i + ".txt", new byte[] {(byte) i}));
    }

    JsonObject first =
        ServerClient.json(ServerClient.get(Files.path(project) + "?limit=2", viewer));
    assertThat(first.getJsonArray("items")).hasSize(2);
    String next = first.getString("next");
    JsonObject second =
        ServerClient.json(
            ServerClient.get(Files.path(project) + "?limit=2&cursor=" + next, viewer));

    assertThat(second.getJsonArray("items")).hasSize(1);
    assertThat(second.isNull("next")).isTrue();
    Set<String> listed = new HashSet<>();
    first.getJsonArray("items").forEach(v -> listed.add(v.asJsonObject().getString("id")));
    second.getJsonArray("items").forEach(v -> listed.add(v.asJsonObject().getString("id")));
    assertThat(listed).isEqualTo(ids);
  }

  @Test
  void download_ifNoneMatchCurrentEtag_answers304() {
    String project = Files.newProject();
    String id = Files.upload(project, user, "a.txt", "hello".getBytes());
    String etag =
        ServerClient.get(Files.path(project) + "/" + id, user)
            .headers()
            .firstValue("ETag")
            .orElseThrow();

    HttpResponse<String> response =
        ServerClient.send(
            ServerClient.request(Files.path(project) + "/" + id, user)
                .header("If-None-Match", etag));

    assertThat(response.statusCode()).isEqualTo(304);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("ETag")).contains(etag);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=100-199", "bytes=9900-", "bytes=-50"})
  void download_range_answers206WithThoseBytes(String range) {
    String project = Files.newProject();
    byte[] content = Files.bytes(10_000, 4);
    String id = Files.upload(project, user, "r.bin", content);

    HttpResponse<byte[]> response =
        Files.sendBytes(
            ServerClient.request(Files.path(project) + "/" + id, user).header("Range", range));

    int from =
        switch (range) {
          case "bytes=100-199" -> 100;
          case "bytes=9900-" -> 9900;
          default -> 9950;
        };
    int to = range.equals("bytes=100-199") ? 199 : 9999;
    assertThat(response.statusCode()).isEqualTo(206);
    assertThat(response.body()).isEqualTo(Arrays.copyOfRange(content, from, to + 1));
    assertThat(response.headers().firstValue("Content-Range"))
        .contains("bytes " + from + "-" + to + "/10000");
    assertThat(response.headers().firstValue("Content-Length"))
        .contains(String.valueOf(to - from + 1));
  }

  @Test
  void download_rangeBeyondTheEnd_answers416() {
    String project = Files.newProject();
    String id = Files.upload(project, user, "s.bin", new byte[10]);

    HttpResponse<String> response =
        ServerClient.send(
            ServerClient.request(Files.path(project) + "/" + id, user)
                .header("Range", "bytes=10-"));

    assertProblem(response, 416, "range-not-satisfiable");
    assertThat(response.headers().firstValue("Content-Range")).contains("bytes */10");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../x", "a/b", "..", "a\\b"})
  void upload_pathInFileName_answers400NamingTheField(String name) {
    HttpResponse<String> header =
        Files.uploadRaw(Files.newProject(), user, name, "text/plain", "x".getBytes());
    HttpResponse<String> multipart =
        Files.uploadMultipart(Files.newProject(), user, name, "text/plain", "x".getBytes());

    assertThat(assertProblem(header, 400, "validation").getString("field"))
        .isEqualTo("X-File-Name");
    assertThat(assertProblem(multipart, 400, "validation").getString("field"))
        .isEqualTo("filename");
  }

  @Test
  void upload_controlCharacterInQueryName_answers400NamingTheField() {
    HttpResponse<String> response =
        ServerClient.send(
            ServerClient.request(Files.path(Files.newProject()) + "?name=a%0Ab", user)
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("x")));

    assertThat(assertProblem(response, 400, "validation").getString("field")).isEqualTo("name");
  }

  @Test
  void upload_invalidProjectId_answers400NamingTheField() {
    HttpResponse<String> response =
        Files.uploadRaw("bad.project", user, "a.txt", "text/plain", "x".getBytes());

    assertThat(assertProblem(response, 400, "validation").getString("field"))
        .isEqualTo("projectId");
  }

  @Test
  void delete_removesTheFileAndIsIdempotent() {
    String project = Files.newProject();
    String id = Files.upload(project, user, "gone.txt", "bye".getBytes());

    assertThat(ServerClient.delete(Files.path(project) + "/" + id, user).statusCode())
        .isEqualTo(204);

    assertProblem(ServerClient.get(Files.path(project) + "/" + id, user), 404, "not-found");
    assertThat(ServerClient.delete(Files.path(project) + "/" + id, user).statusCode())
        .isEqualTo(204);
  }

  @Test
  void roles_viewerReadsButCannotUploadOrDelete_anonymousIsRefused() {
    String project = Files.newProject();
    String id = Files.upload(project, user, "v.txt", "v".getBytes());

    assertProblem(
        Files.uploadRaw(project, viewer, "x.txt", "text/plain", "x".getBytes()), 403, "forbidden");
    assertProblem(ServerClient.delete(Files.path(project) + "/" + id, viewer), 403, "forbidden");
    assertProblem(
        ServerClient.postJson(Files.path(project) + "/" + id + "/link", viewer, "{}"),
        403,
        "forbidden");
    assertThat(ServerClient.get(Files.path(project), viewer).statusCode()).isEqualTo(200);
    assertThat(ServerClient.get(Files.path(project) + "/" + id, viewer).statusCode())
        .isEqualTo(200);
    assertProblem(ServerClient.get(Files.path(project), null), 401, "unauthenticated");
    assertProblem(
        Files.uploadRaw(project, null, "x.txt", "text/plain", "x".getBytes()),
        401,
        "unauthenticated");
  }
}
