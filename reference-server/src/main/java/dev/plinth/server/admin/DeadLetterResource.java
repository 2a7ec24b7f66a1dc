package dev.plinth.server.admin;

import dev.plinth.error.NotFoundException;
import dev.plinth.queue.DeadLetter;
import dev.plinth.queue.DeadLetters;
import dev.plinth.queue.MessageQueue;
import dev.plinth.server.execution.ExecutionMessages;
import dev.plinth.server.execution.ExecutionRepository;
import dev.plinth.server.execution.ExecutionRepository.Transition;
import dev.plinth.server.execution.ExecutionService;
import dev.plinth.server.problem.Problem;
import dev.plinth.server.problem.RequestValidationException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Dead letters of a queue (admin only): list, redrive, delete. Redriving a dead letter of the
 * {@code executions} queue puts its execution back to {@code queued} with a fresh message in one
 * transaction (the outbox), then removes the dead letter, so it runs again exactly once.
 */
@Path("/admin/dead-letters")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class DeadLetterResource {
  private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");
  private static final int MAX_BODY_CHARS = 4096;

  @Inject MessageQueue queue;
  @Inject ExecutionService executions;

  /**
   * Lists dead letters, oldest first.
   *
   * @param queueName the queue (default {@code executions})
   * @param max at most this many (default 100, 1 to 1000)
   * @return {@code {"queue", "count", "items": [...]}}
   */
  @GET
  public JsonObject list(@QueryParam("queue") String queueName, @QueryParam("max") Integer max) {
    String name = queueName(queueName);
    int limit = max == null ? 100 : max;
    if (limit < 1 || limit > 1000) {
      throw new RequestValidationException("max", "Must be a whole number from 1 to 1000.");
    }
    DeadLetters deadLetters = queue.deadLetters(name);
    JsonArrayBuilder items = Json.createArrayBuilder();
    deadLetters.list(limit).forEach(letter -> items.add(json(letter)));
    return Json.createObjectBuilder()
        .add("queue", name)
        .add("count", deadLetters.count())
        .add("items", items)
        .build();
  }

  /**
   * Redrives a dead letter: an execution goes back to {@code queued} and runs again.
   *
   * @param id the dead letter id
   * @param queueName the queue (default {@code executions})
   * @return 202 with {@code {"id", "queue", "executionId"?}}
   */
  @POST
  @Path("/{id}/redrive")
  public Response redrive(@PathParam("id") String id, @QueryParam("queue") String queueName) {
    String name = queueName(queueName);
    DeadLetters deadLetters = queue.deadLetters(name);
    DeadLetter letter = deadLetters.peek(id).orElseThrow(() -> notFound(id, name));
    Optional<String> executionId = executionId(name, letter);
    if (executionId.isEmpty()) {
      deadLetters.redrive(id);
      return Response.accepted(Json.createObjectBuilder().add("id", id).add("queue", name).build())
          .build();
    }
    Transition requeued = executions.requeue(executionId.get());
    if (requeued.found() && !requeued.changed()) {
      return Problem.of(
              409,
              "not-dead-lettered",
              "Execution not dead-lettered",
              "Execution '"
                  + executionId.get()
                  + "' is "
                  + requeued.execution().status().id()
                  + "; delete this dead letter instead of redriving it.")
          .toResponse();
    }
    // The execution was requeued with a new message (or no longer exists): drop the old one.
    deadLetters.delete(id);
    return Response.accepted(
            Json.createObjectBuilder()
                .add("id", id)
                .add("queue", name)
                .add("executionId", executionId.get())
                .add("status", requeued.found() ? requeued.execution().status().id() : "gone")
                .build())
        .build();
  }

  /**
   * Deletes a dead letter.
   *
   * @param id the dead letter id
   * @param queueName the queue (default {@code executions})
   * @return 204
   */
  @DELETE
  @Path("/{id}")
  public Response delete(@PathParam("id") String id, @QueryParam("queue") String queueName) {
    String name = queueName(queueName);
    if (!queue.deadLetters(name).delete(id)) {
      throw notFound(id, name);
    }
    return Response.noContent().build();
  }

  private static JsonObject json(DeadLetter letter) {
    var json =
        Json.createObjectBuilder()
            .add("id", letter.id())
            .add("queue", letter.queue())
            .add("reason", String.valueOf(letter.reason()))
            .add("description", String.valueOf(letter.description()))
            .add("attempts", letter.attempts());
    if (letter.lastError() != null) {
      json.add("lastError", letter.lastError());
    }
    if (letter.firstEnqueuedAt() != null) {
      json.add("firstEnqueuedAt", letter.firstEnqueuedAt().toString());
    }
    if (letter.deadLetteredAt() != null) {
      json.add("deadLetteredAt", letter.deadLetteredAt().toString());
    }
    if (letter.message().messageId() != null) {
      json.add("messageId", letter.message().messageId());
    }
    executionId(letter.queue(), letter).ifPresent(id -> json.add("executionId", id));
    String body = letter.message().bodyAsText();
    json.add("body", body.length() > MAX_BODY_CHARS ? body.substring(0, MAX_BODY_CHARS) : body);
    return json.build();
  }

  private static Optional<String> executionId(String queueName, DeadLetter letter) {
    if (!ExecutionRepository.QUEUE.equals(queueName)) {
      return Optional.empty();
    }
    try {
      return Optional.of(ExecutionMessages.executionId(letter.message().bodyAsText()));
    } catch (RuntimeException notAnExecutionMessage) {
      return Optional.empty();
    }
  }

  private static String queueName(String queueName) {
    if (queueName == null || queueName.isBlank()) {
      return ExecutionRepository.QUEUE;
    }
    if (!QUEUE_NAME.matcher(queueName).matches()) {
      throw new RequestValidationException("queue", "Must be 1 to 128 of [A-Za-z0-9._-].");
    }
    return queueName;
  }

  private static NotFoundException notFound(String id, String queueName) {
    return new NotFoundException("No dead letter '" + id + "' in queue '" + queueName + "'.");
  }
}
