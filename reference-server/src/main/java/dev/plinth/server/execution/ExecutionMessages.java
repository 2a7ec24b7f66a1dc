package dev.plinth.server.execution;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;

/**
 * The body of a message on the {@code executions} queue: {@code {"executionId": "..."}}, and for
 * the continuation after a delay step also {@code "resumeAt"} (the delay's end, which the worker
 * matches against the execution's pending delay so a stale copy does nothing).
 */
public final class ExecutionMessages {
  private static final String EXECUTION_ID = "executionId";
  private static final String RESUME_AT = "resumeAt";

  private ExecutionMessages() {}

  /**
   * Builds the message body for an execution.
   *
   * @param executionId the execution id
   * @return the body text
   */
  public static String body(String executionId) {
    return Json.createObjectBuilder().add(EXECUTION_ID, executionId).build().toString();
  }

  /**
   * Builds the body of the message that resumes an execution after a delay step.
   *
   * @param executionId the execution id
   * @param resumeAt when the delay ends
   * @return the body text
   */
  static String continuation(String executionId, Instant resumeAt) {
    return Json.createObjectBuilder()
        .add(EXECUTION_ID, executionId)
        .add(RESUME_AT, resumeAt.toString())
        .build()
        .toString();
  }

  /**
   * Reads the execution id of a message body.
   *
   * @param body the body text
   * @return the execution id
   * @throws jakarta.json.JsonException if the body is not such a message
   */
  public static String executionId(String body) {
    return read(body).getString(EXECUTION_ID);
  }

  /**
   * Reads a message body.
   *
   * @param body the body text
   * @return the execution id and, for a continuation, the end of its delay
   * @throws RuntimeException if the body is not such a message
   */
  static Parsed parse(String body) {
    JsonObject object = read(body);
    String resumeAt = object.getString(RESUME_AT, null);
    return new Parsed(
        object.getString(EXECUTION_ID), resumeAt == null ? null : Instant.parse(resumeAt));
  }

  private static JsonObject read(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  /**
   * A parsed message body.
   *
   * @param executionId the execution id
   * @param resumeAt the end of the delay a continuation resumes after, or null for any other
   *     message (the first one, a redrive, a restore)
   */
  record Parsed(String executionId, Instant resumeAt) {}
}
