package dev.plinth.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

/** Workflow bodies and helpers for the ITs. */
final class Workflows {
  static final String PATH = "/api/v1/workflows";

  private Workflows() {}

  /** A valid workflow using every step type, with a unique name. */
  static String body(String name, String status) {
    return """
        {"name": "%s", "status": "%s", "definition": {"schemaVersion": 1, "steps": [
          {"name": "fetch", "type": "http", "url": "https://example.org/data", "method": "GET",
           "timeoutMs": 5000},
          {"name": "shape", "type": "transform", "output": {"total": "${fetch.count}"}},
          {"name": "pause", "type": "delay", "durationMs": 10},
          {"name": "say", "type": "log", "message": "done", "level": "info"},
          {"name": "tell", "type": "notify", "message": "finished"},
          {"name": "keep", "type": "store", "key": "reports/out.json"},
          {"name": "boom", "type": "fail", "message": "on purpose"}
        ]}}
        """
        .formatted(name, status);
  }

  static String uniqueName() {
    return "wf-" + UUID.randomUUID();
  }

  /** Creates a workflow as a user; returns its id. */
  static String create(String token, String status) {
    HttpResponse<String> response = ServerClient.postJson(PATH, token, body(uniqueName(), status));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return ServerClient.json(response).getString("id");
  }
}
