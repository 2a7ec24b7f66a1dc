package dev.plinth.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class WorkflowCacheIT {
  private static final String HITS = "result=\"hit\"";

  @Test
  void get_isServedFromTheCacheAfterTheFirstRead() {
    String token = Tokens.accessToken("user");
    String id = Workflows.create(token, "draft");
    ServerClient.get(Workflows.PATH + "/" + id, token); // miss: loaded and cached
    double hitsBefore = hits();

    HttpResponse<String> second = ServerClient.get(Workflows.PATH + "/" + id, token);

    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(ServerClient.json(second).getString("id")).isEqualTo(id);
    assertThat(hits()).isGreaterThan(hitsBefore);
  }

  @Test
  void get_afterPut_returnsTheNewVersion() {
    String token = Tokens.accessToken("user");
    String id = Workflows.create(token, "draft");
    ServerClient.get(Workflows.PATH + "/" + id, token); // cached at version 1
    String renamed = Workflows.uniqueName();

    HttpResponse<String> put =
        ServerClient.putJson(
            Workflows.PATH + "/" + id, token, "\"1\"", Workflows.body(renamed, "active"));
    HttpResponse<String> after = ServerClient.get(Workflows.PATH + "/" + id, token);

    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(after.headers().firstValue("ETag")).hasValue("\"2\"");
    assertThat(ServerClient.json(after).getString("name")).isEqualTo(renamed);
    assertThat(ServerClient.json(after).getString("status")).isEqualTo("active");
  }

  @Test
  void get_afterDelete_isNotFound() {
    String admin = Tokens.accessToken("admin");
    String id = Workflows.create(admin, "draft");
    ServerClient.get(Workflows.PATH + "/" + id, admin);

    ServerClient.delete(Workflows.PATH + "/" + id, admin);
    HttpResponse<String> after = ServerClient.get(Workflows.PATH + "/" + id, admin);

    assertThat(after.statusCode()).isEqualTo(404);
  }

  private static double hits() {
    return Metrics.value(Metrics.scrape(), "plinth_cache_requests_total", HITS);
  }
}
