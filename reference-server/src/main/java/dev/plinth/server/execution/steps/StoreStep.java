package dev.plinth.server.execution.steps;

import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.BlobStore;
import dev.plinth.storage.PutOptions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;

/**
 * {@code store}: writes an artifact to {@code executions/<id>/<key>}: the filled {@code content},
 * or, without one, the results of the steps so far as JSON.
 */
public final class StoreStep implements StepRunner {
  private final BlobStore storage;

  /**
   * Creates the runner.
   *
   * @param storage the SDK blob store
   */
  public StoreStep(BlobStore storage) {
    this.storage = storage;
  }

  @Override
  public JsonValue run(JsonObject step, StepContext context) {
    String key = "executions/" + context.executionId() + "/" + step.getString("key");
    boolean hasContent = step.containsKey("content") && !step.isNull("content");
    String content =
        hasContent ? contentText(step.get("content"), context) : context.results().toString();
    String contentType =
        step.getString(
            "contentType", hasContent ? "text/plain; charset=utf-8" : "application/json");
    BlobInfo info =
        storage.put(
            key,
            content.getBytes(StandardCharsets.UTF_8),
            PutOptions.none().contentType(contentType));
    return Json.createObjectBuilder()
        .add("key", key)
        .add("size", info.size())
        .add("etag", info.etag())
        .build();
  }

  private static String contentText(JsonValue content, StepContext context) {
    JsonValue filled = Templates.fill(content, context);
    return filled.getValueType() == JsonValue.ValueType.STRING
        ? ((jakarta.json.JsonString) filled).getString()
        : filled.toString();
  }
}
