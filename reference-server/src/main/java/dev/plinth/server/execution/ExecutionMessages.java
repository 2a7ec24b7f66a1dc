package dev.plinth.server.execution;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/** The body of a message on the {@code executions} queue: {@code {"executionId": "..."}}. */
public final class ExecutionMessages {
  private ExecutionMessages() {}

  /**
   * Builds the message body for an execution.
   *
   * @param executionId the execution id
   * @return the body text
   */
  public static String body(String executionId) {
    return Json.createObjectBuilder().add("executionId", executionId).build().toString();
  }

  /**
   * Reads the execution id of a message body.
   *
   * @param body the body text
   * @return the execution id
   * @throws jakarta.json.JsonException if the body is not such a message
   */
  public static String executionId(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonObject object = reader.readObject();
      return object.getString("executionId");
    }
  }
}
