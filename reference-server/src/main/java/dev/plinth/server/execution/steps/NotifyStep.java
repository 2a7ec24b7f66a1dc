package dev.plinth.server.execution.steps;

import dev.plinth.queue.Message;
import dev.plinth.queue.MessageQueue;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;

/**
 * {@code notify}: sends {@code {"executionId", "step", "channel", "message"}} to the {@code
 * notifications} queue. The message id is {@code <execution>:<step>}, so a retried attempt does not
 * notify twice on a queue with duplicate detection.
 */
public final class NotifyStep implements StepRunner {
  /** The destination queue. */
  public static final String QUEUE = "notifications";

  private final MessageQueue queue;

  /**
   * Creates the runner.
   *
   * @param queue the SDK queue
   */
  public NotifyStep(MessageQueue queue) {
    this.queue = queue;
  }

  @Override
  public JsonValue run(JsonObject step, StepContext context) {
    String name = step.getString("name");
    String body =
        Json.createObjectBuilder()
            .add("executionId", context.executionId())
            .add("step", name)
            .add("channel", step.getString("channel", "default"))
            .add("message", Templates.fillText(step.getString("message"), context))
            .build()
            .toString();
    String messageId = context.executionId() + ":" + name;
    queue.send(
        QUEUE,
        Message.builder(body.getBytes(StandardCharsets.UTF_8))
            .contentType("application/json")
            .messageId(messageId)
            .build());
    return Json.createObjectBuilder().add("queue", QUEUE).add("messageId", messageId).build();
  }
}
